from .boosters import BoosterCard, BoosterProfile, BoosterReview, BoosterSchedule, BoosterSettings
from .feedback import CourseFeedback, ModuleFeedback

__all__ = [
    "BoosterCard",
    "BoosterProfile",
    "BoosterReview",
    "BoosterSchedule",
    "BoosterSettings",
    "CourseFeedback",
    "ModuleFeedback",
]
