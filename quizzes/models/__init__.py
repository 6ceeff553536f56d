from .assessment import AssessmentPage
from .attempt import Answer, Attempt
from .review import Review

__all__ = ["Answer", "AssessmentPage", "Attempt", "Review"]
