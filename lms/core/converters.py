"""URL ids that fit any database's integers, so a huge number is a plain 404, never a crash."""

MAX_ID = 10**18 - 1


def as_id(value) -> int | None:
    """An id typed or sent as text, or None: ASCII digits only ("²" and "٣" pass str.isdigit but not
    int(), or not as a number anyone meant) and no more than any database's integers hold."""
    text = str(value).strip() if value is not None else ""
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
