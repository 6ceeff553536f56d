"""Query parameters of API endpoints: declared once as a serializer, which both validates them (a bad value
is a 400 ``{"detail", "code"}`` naming the parameter, before anything reaches the database) and documents
them with their types and bounds (``extend_schema(parameters=[TheQuery])`` explodes its fields).

Every parameter is bounded: numbers have a minimum and a maximum that any database can hold, text has a
maximum length, choices are an enum. An empty value (``?status=``, as a form with an empty select sends)
means the parameter is absent. Parameters an endpoint does not read are ignored.
"""

import datetime
import re

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from lms.core.converters import MAX_ID
from lms.core.exceptions import LMSError

from .errors import describe

# Whatever the field, nothing longer than this is echoed back in an error message.
ECHO_LIMIT = 40


def shorten(value, limit: int = ECHO_LIMIT) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class InvalidQuery(LMSError):
    code = "invalid_query"
    status = 400


class QueryInteger(serializers.IntegerField):
    """A whole number within bounds (both required: an unbounded number overflows a database)."""

    default_error_messages = {
        "invalid": _("“{value}” is not a whole number."),
        "max_value": _("must be at most {max_value:,}."),
        "min_value": _("must be at least {min_value:,}."),
        "max_string_length": _("must be a whole number of reasonable size."),
    }

    def __init__(self, *, min_value: int, max_value: int, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_internal_value(self, data):
        text = str(data).strip()
        if len(text) > self.MAX_STRING_LENGTH:
            self.fail("max_string_length")
        # Digits only (an optional minus): not "1e5", "1.5", "½" or "٣" (int() takes Arabic digits).
        if not (text.lstrip("-").isascii() and text.lstrip("-").isdigit()):
            self.fail("invalid", value=shorten(text, 20))
        return int(text)


class QueryCount(QueryInteger):
    """A count of something (days, items to skip): from 0."""

    default_error_messages = {**QueryInteger.default_error_messages, "min_value": _("must not be negative.")}

    def __init__(self, *, max_value: int, **kwargs):
        super().__init__(min_value=0, max_value=max_value, **kwargs)


def QueryId(**kwargs) -> QueryInteger:  # noqa: N802 - used like a field class
    """An object id: a positive number that fits any database's integers."""
    return QueryInteger(min_value=1, max_value=MAX_ID, **kwargs)


class QueryText(serializers.CharField):
    """Free text of bounded length; surrounding space is dropped, NUL characters refused."""

    default_error_messages = {
        "max_length": _("use at most {max_length} characters."),
        "null_characters_not_allowed": _("must not contain NUL characters."),
        "surrogate_characters_not_allowed": _("must not contain surrogate characters."),
    }

    def __init__(self, *, max_length: int, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        super().__init__(max_length=max_length, **kwargs)

    def to_internal_value(self, data):
        text = str(data)
        # Before DRF's own validators, whose messages do not name the problem in our words. A database
        # refuses both (PostgreSQL cannot store NUL in text): a 500 if they got that far.
        if "\x00" in text:
            self.fail("null_characters_not_allowed")
        if any("\ud800" <= character <= "\udfff" for character in text):
            self.fail("surrogate_characters_not_allowed")
        return super().to_internal_value(data)


class QueryChoice(serializers.ChoiceField):
    """One of a fixed set of values; an unknown one is named (shortened) with the values allowed."""

    default_error_messages = {"invalid_choice": _("“{input}” is not one of {allowed}.")}

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("required", False)
        # The schema lists "" among text choices: an empty value means the parameter is absent.
        kwargs.setdefault("allow_blank", all(isinstance(choice, str) for choice in choices))
        super().__init__(choices, **kwargs)

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        try:
            return self.choice_strings_to_values[str(data)]
        except KeyError:
            self.fail("invalid_choice", input=shorten(data), allowed=", ".join(self.choice_strings_to_values))


class QueryBoolean(serializers.BooleanField):
    default_error_messages = {"invalid": _("use true or false.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class QueryDate(serializers.DateField):
    """A calendar date, YYYY-MM-DD."""

    default_error_messages = {"invalid": _("“{value}” is not a date; use YYYY-MM-DD.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        text = str(value).strip()
        try:
            if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
                return datetime.date.fromisoformat(text)
        except ValueError:
            pass
        self.fail("invalid", value=shorten(text))


class QueryParameters(serializers.Serializer):
    """The query parameters of one endpoint. Subclass, declare bounded fields (the ``Query*`` fields above),
    optionally ``validate`` across them, and read them with ``TheQuery.read(request)``.

    ``code`` is the error code of a refusal; an endpoint whose filters have long answered with a more
    specific code keeps it."""

    code = InvalidQuery.code
    # The first words of the refusal's detail, before the parameters' problems.
    intro = _("Check the query parameters:")

    @classmethod
    def read(cls, request, **context) -> dict:
        """The validated parameters of ``request`` (absent ones left out, or their defaults), or an
        ``InvalidQuery`` naming every bad one. Nothing is read from the database before this passes."""
        # The last value of each parameter, as QueryDict.get gives it.
        return cls.check(dict(request.query_params.items()), request=request, **context)

    @classmethod
    def check(cls, data, **context) -> dict:
        """The same for parameters given as a mapping (filters sent in a JSON body, kept for later)."""
        if not isinstance(data, dict):
            raise InvalidQuery(f"{cls.intro} " + _("send an object of parameters."), code=cls.code)
        # An empty value is an absent one (as a form with an empty select sends it).
        data = {key: value for key, value in data.items() if value not in ("", None)}
        bad = sorted(key for key, value in data.items() if not isinstance(value, str | int | bool))
        if bad:
            raise InvalidQuery(
                f"{cls.intro} " + " ".join(f"{key}: " + _("send a single value.") for key in bad),
                code=cls.code,
            )
        query = cls(data=data, context=context)
        if not query.is_valid():
            raise InvalidQuery(f"{cls.intro} {describe(query.errors)}", code=cls.code)
        return dict(query.validated_data)


class FilterParameters(QueryParameters):
    """Query parameters that filter a list; refused with the code these endpoints have always used."""

    code = "invalid_filter"
    intro = _("Check the filters:")
