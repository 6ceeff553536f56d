"""How a person is named on every page, export, email and certificate."""


def display_name(user) -> str:
    """Full name, or the username for someone without one; empty for nobody."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
