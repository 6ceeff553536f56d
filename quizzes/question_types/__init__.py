"""Every kind of question an assessment can ask, by the name a snapshot stores in "type".

Each type is one module here (or in a host app) with a ``QuestionType`` subclass decorated with
``@register``, plus its input and feedback templates. Snapshots, the attempt page and its script, the
API, grading and results all ask this registry instead of switching on the type's name.
"""

from .base import QuestionType, UnknownQuestionType, UnreadableAnswer, invalid_answer
from .registry import all_types, get, names, of, register, unregister

# The built-in types register themselves on import, in the order the API lists them.
from . import (  # noqa: F401  # isort: skip
    single_choice,
    multiple_response,
    true_false,
    judgement,
    sequencing,
    written,
)

__all__ = [
    "QuestionType",
    "UnknownQuestionType",
    "UnreadableAnswer",
    "all_types",
    "get",
    "invalid_answer",
    "names",
    "of",
    "register",
    "unregister",
]
