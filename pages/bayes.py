"""Bayes' theorem: update a belief with evidence, seen as people, a tree and areas."""

from __future__ import annotations

from text import bayes as words
from ui import page
from views.bayes import area, icons, naive, tree, update

page.run(
    "bayes",
    "Bayes' theorem: updating a belief with evidence",
    intro=words.INTRO,
    views=(icons.VIEW, tree.VIEW, area.VIEW, update.VIEW, naive.VIEW),
)
