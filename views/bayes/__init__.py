"""The views of the Bayes page."""

from __future__ import annotations

from ui.share import Lesson

#: Ready lesson links, listed on the teacher notes page (``views/teachers.py``).
LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "The rare disease test",
        "1 % ill, 90 % sensitive, 5 % false positives: a positive test means only "
        "about 15 % chance of being ill. The sliders are hidden: ask for a guess.",
        {
            "form": "natural",
            "p_a": "0.01",
            "p_b_given_a": "0.9",
            "p_b_given_not_a": "0.05",
            "story": "disease",
            "n": "10000",
            "hide": "form,p_a,p_b_given_a,p_b_given_not_a",
        },
    ),
    Lesson(
        "Test again after a positive",
        "The same test three times, all positive: each posterior is the next prior.",
        {
            "view": "update",
            "form": "natural",
            "p_a": "0.01",
            "p_b_given_a": "0.9",
            "p_b_given_not_a": "0.05",
            "story": "disease",
            "results": "+++",
        },
    ),
    Lesson(
        "A spam filter, word by word",
        "Naive Bayes on “free winner lunch”: two spammy words against one genuine.",
        {"view": "naive", "message": "free winner lunch"},
    ),
)
