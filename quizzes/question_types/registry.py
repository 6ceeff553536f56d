"""The question types by name. Registration order is the order the API documents them in."""

from .base import QuestionType, UnknownQuestionType

_types: dict[str, QuestionType] = {}


def register(cls: type[QuestionType]) -> type[QuestionType]:
    """Class decorator: make a question type known to snapshots, the attempt page, grading and the API."""
    if cls.name in _types:
        raise ValueError(f"A question type named {cls.name!r} is already registered.")
    _types[cls.name] = cls()
    return cls


def unregister(name: str) -> None:
    _types.pop(name, None)


def get(name: str) -> QuestionType:
    try:
        return _types[name]
    except KeyError:
        raise UnknownQuestionType(name) from None


def of(question: dict) -> QuestionType:
    """The type of a snapshot (or public) question."""
    return get(question["type"])


def names() -> list[str]:
    return list(_types)


def all_types() -> list[QuestionType]:
    return list(_types.values())
