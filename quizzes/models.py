"""Assessments: question types, attempts, grading and reviews (built in the assessments issue)."""
