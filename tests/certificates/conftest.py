from tests.quizzes.conftest import assessment, auto_assessment, enrolled, skills  # noqa: F401
