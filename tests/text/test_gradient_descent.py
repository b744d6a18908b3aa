"""Learner text for gradient descent: the code reproduces the page, the words name what happened."""

from __future__ import annotations

import numpy as np
import pytest

from core import gradient_descent as gd
from text import gradient_descent as gd_text


def test_derivative_code_reproduces_the_numbers():
    from tests.helpers import run_snippet

    for key in gd.FUNCTIONS_1D:
        d = gd.derivative_at(key, 1.3, 0.01)
        assert repr(run_snippet(gd_text.derivative_code(d))) == repr(
            gd_text.derivative_code_result(d)
        )


def test_default_descent_is_the_notebook_cell_and_its_code():
    from tests.helpers import run_snippet

    result = gd.descend_1d("square", 5, 0.1, 1)
    code = gd_text.descent_code(result)
    assert "gradient = 2 * w\nw = w - lr * gradient" in code
    assert run_snippet(code) == 4.0 == gd_text.descent_code_result(result)


@pytest.mark.parametrize("key", list(gd.FUNCTIONS_1D))
@pytest.mark.parametrize(
    ("w0", "lr"), [(2.0, 0.05), (-1.5, 0.3), (5.0, 3.5), (4.0, 1.0)]
)
def test_descent_code_gives_exactly_the_pages_last_w(key, w0, lr):
    from tests.helpers import run_snippet

    result = gd.descend_1d(key, w0, lr, 40)
    assert repr(run_snippet(gd_text.descent_code(result))) == repr(
        gd_text.descent_code_result(result)
    )
    assert gd_text.descent_code_result(result) == result.w[-1]


@pytest.mark.parametrize(
    ("lr", "name"),
    [
        (0.1, "smooth convergence"),
        (0.5, "one step to the minimum"),
        (0.8, "oscillating convergence"),
        (1.0, "bouncing for ever"),
        (1.1, "divergence"),
    ],
)
def test_each_regime_is_named_with_its_rule(lr, name):
    result = gd.descend_1d("square", 5, lr, 20)
    assert f"**{name}**" in gd_text.describe_descent(result)
    assert r"|1 - 2\cdot\text{lr}|" in gd_text.descent_latex(result) or lr == 0.5
    assert gd.parabola_regime(lr).name == name


def test_divergence_is_reported_in_the_words():
    result = gd.descend_1d("square", 5, 3.5, 50)
    assert (
        gd_text.divergence_message(result.path) == "diverged at step 7: |w| passed 1e6"
    )
    assert "diverged at step 7: |w| passed 1e6" in gd_text.describe_descent(result)
    assert gd_text.divergence_message(gd.descend_1d("square", 5, 0.1, 50).path) == ""


@pytest.mark.parametrize(
    ("w0", "lr", "side", "why"),
    [
        (2.0, 0.05, "right minimum", "cannot know that the left minimum is deeper"),
        (-2.0, 0.05, "left minimum", "deeper minimum"),
        (0.3, 0.05, "right minimum", "right side"),
        (0.1, 0.05, "left minimum", "left side"),
        (-2.0, 0.13, "right minimum", "jump over the hump"),
    ],
)
def test_two_minima_says_which_minimum_and_why(w0, lr, side, why):
    words = gd_text.describe_descent(gd.descend_1d("two_minima", w0, lr, 100))
    assert f"**{side}**" in words
    assert why in words


def test_jumping_around_a_minimum_names_the_curvature_limit():
    words = gd_text.describe_descent(gd.descend_1d("log_cosh", 5, 2.5, 100))
    assert "lr < 2/f″ = 2" in words


def test_no_steps_says_so():
    assert "No steps yet" in gd_text.describe_descent(
        gd.descend_1d("square", 5, 0.1, 0)
    )


def test_race_code_gives_exactly_every_end_point():
    from tests.helpers import run_snippet

    optimisers = [
        gd.Optimiser("gd", 0.09),
        gd.Optimiser("momentum", 0.02, momentum=0.7),
        gd.Optimiser("rmsprop", 0.05, rho=0.8),
        gd.Optimiser("adam", 0.3, beta1=0.8, beta2=0.99),
    ]
    for key in gd.SURFACES:
        for chunk in (optimisers[:3], optimisers[3:]):
            r = gd.race(key, gd.SURFACES[key].default_start, chunk, 80)
            np.testing.assert_array_equal(
                run_snippet(gd_text.race_code(r)), gd_text.race_code_result(r)
            )


def test_race_diverges_on_rosenbrock_with_a_large_rate():
    r = gd.race("rosenbrock", (-1.5, 2.0), [gd.Optimiser("gd", 0.01)], 50)
    assert r.paths[0].diverged_at is not None
    assert "diverged at step" in gd_text.describe_race(r)


def test_race_reaches_the_bowl_minimum():
    r = gd.race("bowl", (3.0, 2.0), [gd.Optimiser("gd", 0.1)], 100)
    assert "reached the minimum (0, 0)" in gd_text.describe_path(r, 0)


# -- your own function (issue 19) ----------------------------------------------------------

TYPED_1D = ("w**4 - 3*w**2 + w", "sin(3*w) + 0.1*w**2", "exp(-w^2) + 0.05*w^2")


@pytest.mark.parametrize("expression", TYPED_1D)
def test_code_for_a_typed_function_reproduces_the_page(expression: str) -> None:
    from tests.helpers import run_snippet

    d = gd.derivative_at("custom", 1.3, 0.01, expression)
    code = gd_text.derivative_code(d)
    assert "exact, by SymPy" in code
    assert repr(run_snippet(code)) == repr(gd_text.derivative_code_result(d))
    descent = gd.descend_1d("custom", 2.0, 0.02, 60, expression)
    code = gd_text.descent_code(descent)
    assert repr(run_snippet(code)) == repr(gd_text.descent_code_result(descent))
    assert gd_text.describe_descent(descent).startswith("After 60 steps")


def test_formulas_of_a_typed_function() -> None:
    d = gd.derivative_at("custom", 0.0, 0.5, "sin(3*w) + 0.1*w**2")
    assert (
        r"f'(w) = \frac{w}{5} + 3 \cos{\left(3 w \right)}"
        in gd_text.derivative_latex(d)
    )
    r = gd.race("custom", (-1.0, 1.0), [gd.Optimiser("adam", 0.1)], 30, "x^2 + 3*y^2")
    lines = gd_text.race_latex(r)
    assert lines[0].startswith("f(x, y) = x^{2} + 3 y^{2}")
    assert lines[1] == r"\nabla f = \left(2 x ,\; 6 y\right)"
    assert "Your own function" in gd_text.describe_race(r)
    from tests.helpers import run_snippet

    np.testing.assert_array_equal(
        run_snippet(gd_text.race_code(r)), gd_text.race_code_result(r)
    )
