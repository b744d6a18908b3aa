"""Loss functions: MSE as squares, fitting a line by hand on the MSE bowl, MSE vs MAE vs Huber."""

from __future__ import annotations

from text import loss_functions as words
from ui import page
from views.loss_functions import compare, fit, mse

page.run(
    "loss-functions",
    "Loss functions: how wrong is a model?",
    intro=words.INTRO,
    views=(mse.VIEW, fit.VIEW, compare.VIEW),
    ratio=(1.0, 2.6),
)
