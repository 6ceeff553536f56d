from .enrolment import Enrolment, ModuleCompletion
from .pages import CataloguePage, CoursePage, ModulePage
from .snippets import Policy, Skill

__all__ = ["CataloguePage", "CoursePage", "Enrolment", "ModuleCompletion", "ModulePage", "Policy", "Skill"]
