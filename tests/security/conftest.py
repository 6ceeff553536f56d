from tests.quizzes.conftest import skills  # noqa: F401
