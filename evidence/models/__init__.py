from .calibration import CalibrationContact, CalibrationScore
from .checks import CheckAssignment, CheckPolicy, CoachingAction, Dispute, ServiceCheck
from .rounds import ShopperScript, ShopRound
from .scorecards import Scorecard
from .surveys import SurveyLink, SurveyResponse

__all__ = [
    "CalibrationContact",
    "CalibrationScore",
    "CheckAssignment",
    "CheckPolicy",
    "CoachingAction",
    "Dispute",
    "Scorecard",
    "ServiceCheck",
    "ShopRound",
    "ShopperScript",
    "SurveyLink",
    "SurveyResponse",
]
