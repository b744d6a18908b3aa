"""Functions typed by a learner: the whitelist parser, its messages, exact derivatives."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from core import gradient_descent as gd
from core.expression import (
    MAX_DEPTH,
    MAX_LENGTH,
    VARIABLES_2D,
    evaluate,
    parse_expression,
    symbols,
    to_sympy,
    write,
)

# -- the whitelist ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("w**4 - 3*w**2 + w", "w**4 - 3*w**2 + w"),
        ("sin(3*w) + 0.1*w**2", "np.sin(3*w) + 0.1*w**2"),
        ("w^2", "w**2"),
        ("2^3^w", "2**3**w"),  # right-associative, as in Python
        ("(2^3)^w", "(2**3)**w"),
        ("-w**2", "-w**2"),
        ("(-w)**2", "(-w)**2"),
        ("w**-2", "w**-2"),
        ("--w", "--w"),
        ("+w", "w"),
        ("w - (w - 1)", "w - (w - 1)"),
        ("w / (2*w)", "w/(2*w)"),
        ("-(w + 1)", "-(w + 1)"),
        ("abs(tanh(exp(log(sqrt(tan(cos(w)))))))", None),
        ("  1.5e-3 * w ", "0.0015*w"),
        (".5*w", "0.5*w"),
    ],
)
def test_accepted_expressions_write_back_to_the_same_maths(
    text: str, code: str | None
) -> None:
    parsed = parse_expression(text)
    if code is not None:
        assert parsed.code == code
    w = np.linspace(0.1, 0.9, 5)
    again = parse_expression(write(parsed.tree, ""))
    np.testing.assert_array_equal(
        evaluate(parsed, w, strict=False), evaluate(again, w, strict=False)
    )


def test_the_tree_evaluates_as_numpy_would() -> None:
    w = np.linspace(-2, 2, 9)
    got = evaluate(parse_expression("sin(3*w) + 0.1*w**2"), w)
    np.testing.assert_array_equal(got, np.sin(3 * w) + 0.1 * w**2)
    xy = np.stack(np.meshgrid(w, w))
    rosen = evaluate(
        parse_expression("(1 - x)**2 + 100*(y - x**2)**2", VARIABLES_2D), xy
    )
    x, y = xy
    np.testing.assert_array_equal(rosen, (1 - x) ** 2 + 100 * (y - x**2) ** 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os')", 'Unexpected character "\'" at character 12'),
        ("__import__", "Unknown name '__import__' at character 1"),
        ("().__class__", "Unexpected character '.' at character 3"),
        ("w.real", "Unexpected character '.' at character 2"),
        ("lambda: w", "Unexpected character ':'"),
        ("[w for w in w]", "Unexpected character '\\['"),
        ("'w'", "Unexpected character"),
        ("w if w else w", "Unknown name 'if'"),
        ("exec", "Unknown name 'exec'"),
        ("x + 1", "Unknown name 'x' at character 1. Use the variable w"),
        ("pi*w", "Unknown name 'pi'.*sin, cos, tan, exp, log, sqrt, abs, tanh"),
        ("w(2)", "expected an operator"),
        ("3w", "character 2 .*write \\* to multiply"),
        ("w + * 2", "Syntax error at character 5"),
        ("w +", "Syntax error at the end"),
        ("(w + 1", "expected '\\)'"),
        ("w + 1)", "character 6"),
        ("sin w", "sin needs its argument in parentheses"),
        ("", "Type a function of w"),
        ("   ", "Type a function of w"),
        ("w, w", "Unexpected character ','"),
        ("w == w", "Unexpected character '='"),
        ("w % 2", "Unexpected character '%'"),
        ("w // 2", "expected a number, a variable or '\\('"),
        ("1e999*w", "too large"),
    ],
)
def test_refused_expressions_say_what_and_where(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_expression(text)


def test_too_long_too_deep_too_many_nodes() -> None:
    with pytest.raises(ValueError, match=f"too long: {MAX_LENGTH + 1} characters"):
        parse_expression("w" + "+w" * (MAX_LENGTH // 2))
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_expression("(" * (MAX_DEPTH + 1) + "w" + ")" * (MAX_DEPTH + 1))
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_expression("-" * 40 + "w")
    with pytest.raises(ValueError, match="nested too deeply"):
        parse_expression("w" + "**w" * 40)
    with pytest.raises(ValueError, match="too long: more than"):
        parse_expression("+".join(["w"] * 99))
    parse_expression("(" * MAX_DEPTH + "w" + ")" * MAX_DEPTH)


def test_not_text_is_refused() -> None:
    with pytest.raises(ValueError, match="typed as text"):
        parse_expression(3.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="variables"):
        parse_expression("w", ("os",))


# -- the messages of the page: domain, overflow, constant ---------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("log(w)", "log\\(w\\) is undefined: log needs positive numbers at w = −11"),
        ("sqrt(w - 1)", "sqrt needs numbers ≥ 0, but w - 1 = −12 at w = −11"),
        ("1/w", "division by zero in 1/w at w = 0"),
        ("w**0.5", "negative number to a fractional power"),
        ("exp(exp(w))", "exp\\(exp\\(w\\)\\) overflows"),
        ("9**9**9*w", "9\\*\\*9\\*\\*9 overflows"),
        ("3", "constant, so there is no slope"),
        ("w - w", "constant"),
        ("w", "no minimum between −6 and 6"),
        ("sqrt(abs(w))", "derivative f′\\(w\\) is undefined or infinite at w = 0"),
    ],
)
def test_function_messages(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gd.custom_function(text)


def test_surface_messages() -> None:
    with pytest.raises(
        ValueError, match=r"log\(x\) is undefined.*x and y from −6 to 6"
    ):
        gd.custom_surface("log(x) + y**2")
    with pytest.raises(ValueError, match="Unknown name 'w'"):
        gd.custom_surface("w**2")
    with pytest.raises(ValueError, match="constant"):
        gd.custom_surface("2 + 3")


# -- exact derivatives ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "derivative"),
    [
        ("w**4 - 3*w**2 + w", lambda w: 4 * w**3 - 6 * w + 1),
        ("sin(3*w) + 0.1*w**2", lambda w: 3 * np.cos(3 * w) + 0.2 * w),
        ("exp(-w^2)*w^2 + w^2", lambda w: np.exp(-(w**2)) * (2 * w - 2 * w**3) + 2 * w),
        ("log(1 + w^2)", lambda w: 2 * w / (1 + w**2)),
        ("tanh(w) + w^2", lambda w: 1 - np.tanh(w) ** 2 + 2 * w),
        ("abs(w - 1)", lambda w: np.sign(w - 1)),
        ("sqrt(1 + w^2)", lambda w: w / np.sqrt(1 + w**2)),
        ("w^2/(1 + w^2)", lambda w: 2 * w / (1 + w**2) ** 2),
    ],
)
def test_derivatives_against_hand_computed_ones(
    text: str, derivative: Callable[[np.ndarray], np.ndarray]
) -> None:
    fn = gd.custom_function(text)
    w = np.linspace(-5.05, 5.05, 102)
    np.testing.assert_allclose(fn.df(w), derivative(w), rtol=1e-12, atol=1e-12)


def test_rosenbrock_gradient_and_minimum() -> None:
    s = gd.custom_surface("(1 - x)**2 + 100*(y - x**2)**2")
    x, y = 0.5, -0.25
    np.testing.assert_allclose(
        s.gradient(np.array([x, y])),
        [-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)],
    )
    assert s.minima == ((1.0, 1.0),)
    assert s.log_levels


def test_a_typed_function_works_like_a_built_in_one() -> None:
    typed = gd.descend_1d("custom", 2.0, 0.05, 40, "w**4 - 3*w**2 + w")
    built_in = gd.descend_1d("two_minima", 2.0, 0.05, 40)
    np.testing.assert_allclose(typed.w, built_in.w, rtol=1e-12)
    np.testing.assert_allclose(typed.fn.minima, built_in.fn.minima, atol=1e-9)
    assert typed.key[0] == "custom:w**4 - 3*w**2 + w"
    hash(typed.key)
    d = gd.derivative_at("custom", 1.0, 0.5, "w^2")
    assert (d.slope, d.central) == (2.0, 2.0)
    r = gd.race("custom", (1.0, 2.0), [gd.Optimiser("gd", 0.25)], 1, "x^2 + y^2")
    assert r.paths[0].final.tolist() == [0.5, 1.0]
    assert r.key[0] == "custom:x**2 + y**2"
    assert r.grid(5)[2].shape == (5, 5)


_LEAVES = st.sampled_from(["w", "w", "2", "0.5", "3"])


def _grow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, st.sampled_from(["+", "-", "*"]), children).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.tuples(st.sampled_from(["sin", "cos", "tanh", "exp"]), children).map(
            lambda t: f"{t[0]}({t[1]} / 4)"
        ),
        children.map(lambda c: f"({c})^2"),
        children.map(lambda c: f"sqrt(1 + ({c})^2)"),
    )


@settings(max_examples=60, deadline=None)
@given(st.recursive(_LEAVES, _grow, max_leaves=6))
def test_exact_derivative_matches_central_differences(text: str) -> None:
    parsed = parse_expression(text)
    expr = to_sympy(parsed)
    (w,) = symbols(parsed)
    df = sympy.lambdify(w, sympy.diff(expr, w), modules="numpy")
    points = np.linspace(-1.5, 1.5, 13)
    with np.errstate(all="ignore"):
        values = evaluate(parsed, points, strict=False)
        if not np.all(np.isfinite(values)) or np.max(np.abs(values)) > 1e6:
            return
        h = 1e-5
        estimate = (
            evaluate(parsed, points + h, strict=False)
            - evaluate(parsed, points - h, strict=False)
        ) / (2 * h)
        exact = np.broadcast_to(np.asarray(df(points), dtype=float), points.shape)
    scale = 1 + np.max(np.abs(values))
    np.testing.assert_allclose(exact, estimate, atol=1e-4 * scale, rtol=1e-4)
