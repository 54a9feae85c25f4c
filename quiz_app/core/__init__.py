"""The pure domain: questions, grading, drawing maths. Standard library only."""
