"""Every public function of ``core`` at the numerical edges: a number or a ValueError.

The functions are found by introspection (every public function defined in a
module under ``core``), so a new one is covered without touching this file. For
each, a valid call is built from its signature (:func:`valid_call`); then every
argument in turn is replaced by NaN, ±inf, ±1e308, 5e-324 or -0.0 (also written
as text, inside a list, or in place of one number of a typed list). Each call
must either return finite numbers (``None`` says "undefined") or raise
``ValueError``: any other exception, a RuntimeWarning (pyproject turns them into
errors), or a NaN or inf anywhere in the result fails.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import importlib
import inspect
import itertools
import math
import pkgutil
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import core

EDGES: tuple[float, ...] = (
    math.nan,
    math.inf,
    -math.inf,
    1e308,
    -1e308,
    5e-324,
    -0.0,
)
#: How many argument combinations :func:`valid_call` may try for one function.
MAX_TRIES = 400


# -- finding the public API -------------------------------------------------------------


@cache
def core_modules() -> tuple[types.ModuleType, ...]:
    """Every module of the ``core`` package, imported."""
    names = [info.name for info in pkgutil.walk_packages(core.__path__, "core.")]
    return tuple(importlib.import_module(name) for name in sorted(names))


def _defined_in_core(obj: Any, module: types.ModuleType) -> bool:
    return getattr(obj, "__module__", None) == module.__name__


@cache
def public_functions() -> tuple[tuple[str, Callable[..., Any]], ...]:
    """``(module.name, function)`` for every public function defined in ``core``."""
    found = []
    for module in core_modules():
        for name, obj in vars(module).items():
            if name.startswith("_") or not _defined_in_core(obj, module):
                continue
            if inspect.isfunction(obj):
                found.append((f"{module.__name__}.{name}", obj))
    return tuple(found)


@cache
def core_classes() -> tuple[type, ...]:
    """Every class defined in ``core`` (the result types functions take and return)."""
    return tuple(
        obj
        for module in core_modules()
        for name, obj in vars(module).items()
        if inspect.isclass(obj) and _defined_in_core(obj, module)
    )


def _hints(fn: Callable[..., Any]) -> dict[str, Any]:
    module = importlib.import_module(fn.__module__)
    try:
        return typing.get_type_hints(fn, vars(module))
    except Exception:  # an annotation that only type checkers read
        return {}


# -- building a valid call ----------------------------------------------------------------

#: Learner text of every kind a core function reads; tried for ``str`` parameters.
TEXTS = (
    "1, 2, 3",
    "1, 2; 3, 4",
    "free money",
    "+ + -",
    "x, y\n1, 2\n2, 4\n3, 5",
    "1, 2",
    "2, 3",
    "2",
    "45_-30",
)
#: Values by parameter name, for names whose meaning the annotation does not give.
BY_NAME: dict[str, tuple[Any, ...]] = {
    "words": (("free", "money"),),
    "p_word_given_spam": ((0.3, 0.25),),
    "p_word_given_ham": ((0.03, 0.05),),
    "start": ((1.0, 2.0), [1.0, 2.0], np.eye(2)),
    "loss": (lambda w: float(np.sum(w * w)),),
    "gradient": (lambda w: 2 * np.asarray(w),),
    "guesses": (((1, 0.45), (2, -0.3)),),
    "optimisers": ((), None),  # filled in by _optimisers()
    "shape": ((2, 3),),
    "names": (("x", "y"),),
    "seed": (0,),
    "frames": (3,),
    "points": (5,),
    "target": ((0.0, 0.0), [1.0]),
    "radius": (1.0,),
    "z": (np.array([-1.0, 0.0, 2.0]),),
    "r": (np.array([-1.0, 0.5, 3.0]), 0.5),
    "delta": (1.0,),
    # a topic's names, which core.questions passes on by the page's URL names
    "fn": ("square",),
    "source": ("uniform",),
    "act": ("relu",),
}
#: Values for one parameter of one function, when neither its name nor its
#: annotation says what a valid value looks like.
BY_FUNCTION: dict[tuple[str, str], tuple[Any, ...]] = {
    ("core.questions.further.loss_dataset", "data"): ("seeded", "typed"),
    ("core.optimisers.optimize_many", "loss"): (lambda w: np.sum(w * w, axis=1),),
    ("core.optimisers.optimize_many", "gradient"): (lambda w: 2 * np.asarray(w),),
    ("core.optimisers.optimize_many", "starts"): ([[1.0, 2.0], [0.5, -1.0]],),
    ("core.gradient_descent.descent.descend_1d_many", "starts"): (
        ((5.0, 0.1), (-2.0, 0.5)),
    ),
    ("core.gradient_descent.race.race_many", "starts"): (((1.0, 2.0), (-1.0, 0.5)),),
    ("core.correlation.features.table_feature_matrix", "target"): ("y",),
}
_NUMBERS: tuple[Any, ...] = (1.0, 0.5, 2.0, 0.0, 0.3)
_INTS: tuple[Any, ...] = (2, 10, 1, 3, 20, 100, 0)
_ARRAYS: tuple[Any, ...] = (
    np.array([1.0, 2.0, 4.0]),
    np.array([1.0, 2.0]),
    np.array([[1.0, 2.0], [3.0, 5.0]]),
    np.array([[0.0, 1.0], [1.0, 1.0], [2.0, 3.0]]),
    0.5,
    2,
    "1, 2, 4",
)
#: Parameter names that hold typed numbers (tried with text first, named keys last).
_TEXT_NAMES = re.compile(
    r"text|^(x|y|xy|a|b|data|values|inputs|target|token|weights|bias)$"
)


_SIMPLE: dict[Any, tuple[Any, ...]] = {bool: (True,), int: _INTS, float: _NUMBERS}


def _strip_optional(hint: Any) -> tuple[Any, bool]:
    args = typing.get_args(hint)
    if (
        typing.get_origin(hint) in (typing.Union, types.UnionType)
        and type(None) in args
    ):
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else Any), True
    return hint, False


def candidates(
    fn: Callable[..., Any], param: inspect.Parameter, hint: Any
) -> list[Any]:
    """Plausible valid values of one parameter, most likely first."""
    if param.name == "optimisers":
        return [_optimisers()]
    named = list(BY_FUNCTION.get((f"{fn.__module__}.{fn.__name__}", param.name), ()))
    named += BY_NAME.get(param.name, ())
    return named + _by_hint(fn, param, hint)


def _by_hint(fn: Callable[..., Any], param: inspect.Parameter, hint: Any) -> list[Any]:
    if param.default is not inspect.Parameter.empty:
        return [param.default]
    hint, _ = _strip_optional(hint)
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return list(typing.get_args(hint))
    if inspect.isclass(hint) and hint in core_classes():
        return instances_of(hint)
    if hint in _SIMPLE:
        return list(_SIMPLE[hint])
    return _by_shape(fn, param, hint, origin)


def _by_shape(
    fn: Callable[..., Any], param: inspect.Parameter, hint: Any, origin: Any
) -> list[Any]:
    if hint is Any and param.name == "text":
        return list(TEXTS)
    if hint is bytes:  # an uploaded file
        return [text.encode() for text in TEXTS]
    if hint is str:
        if _TEXT_NAMES.search(param.name):
            return list(TEXTS) + _dict_keys(fn)
        return _dict_keys(fn) + list(TEXTS)
    if origin in (tuple,) and typing.get_args(hint)[:1] == (float,):
        return [(0.5, 1.0), (-1.0, 1.0)]
    if origin is typing.Union or origin is types.UnionType:
        return list(
            itertools.chain.from_iterable(
                _by_hint(fn, param, a) for a in typing.get_args(hint)
            )
        )
    if origin in (Sequence, list, tuple) or hint is Sequence:
        return [(0.3, 0.25)]
    if origin is Callable or hint is Callable:
        return []
    return list(_ARRAYS)


def _dict_keys(fn: Callable[..., Any]) -> list[str]:
    """The keys of the module's public dicts of named things (sources, surfaces, …)."""
    own = importlib.import_module(fn.__module__)
    package = fn.__module__.rsplit(".", 1)[0] + "."
    modules = [own, *core_modules()] if package != "core." else [own]
    return _keys_of(m for m in modules if m.__name__.startswith(package))


def _keys_of(modules: Iterable[types.ModuleType]) -> list[str]:
    keys: list[str] = []
    for module in modules:
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, dict):
                keys += [k for k in value if isinstance(k, str) and k not in keys]
    return keys


def _optimisers() -> tuple[Any, ...]:
    from core.gradient_descent import Optimiser

    return (Optimiser("gd", lr=0.1),)


@cache
def _instances_of(cls: type) -> tuple[Any, ...]:
    made: list[Any] = []
    if dataclasses.is_dataclass(cls):
        with contextlib.suppress(TypeError):
            made.append(cls())
    for name, fn in public_functions():
        hint = _hints(fn).get("return")
        if hint is cls and len(made) < 3:
            call = valid_call(name)
            if call is not None:
                made.append(fn(*call.args, **call.kwargs))
    return tuple(made)


def instances_of(cls: type) -> list[Any]:
    """Objects of a core class, made by calling the functions that return one."""
    return list(_instances_of(cls))


def _by_rank(sizes: list[int]) -> Iterator[tuple[int, ...]]:
    """Index tuples into pools of ``sizes``, the likeliest (smallest sum) first."""

    def with_sum(total: int, rest: list[int]) -> Iterator[tuple[int, ...]]:
        if not rest:
            if total == 0:
                yield ()
            return
        for first in range(min(total, rest[0] - 1) + 1):
            for tail in with_sum(total - first, rest[1:]):
                yield (first, *tail)

    if any(size == 0 for size in sizes):
        return
    for total in range(sum(size - 1 for size in sizes) + 1):
        yield from with_sum(total, sizes)


_BUILDING: set[str] = set()


@cache
def valid_call(name: str) -> inspect.BoundArguments | None:
    """Arguments with which the function ``name`` returns normally, or ``None``."""
    if name in _BUILDING:
        return None
    _BUILDING.add(name)
    try:
        fn = dict(public_functions())[name]
        signature = inspect.signature(fn)
        hints = _hints(fn)
        params = [
            p
            for p in signature.parameters.values()
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
        pools = [candidates(fn, p, hints.get(p.name, Any)) for p in params]
        for indices in itertools.islice(_by_rank([len(p) for p in pools]), MAX_TRIES):
            bound = signature.bind_partial()
            for p, pool, i in zip(params, pools, indices, strict=True):
                bound.arguments[p.name] = pool[i]
            try:
                result = fn(*bound.args, **bound.kwargs)
            except Exception:
                continue
            if not problems(result):
                return bound
        return None
    finally:
        _BUILDING.discard(name)


# -- what a result may hold ----------------------------------------------------------------


#: Functions that return learner text unread (a NaN typed in stays text until parsed).
RETURNS_RAW_TEXT = frozenset({"core.brackets.split_rows"})


def problems(value: Any, where: str = "result", depth: int = 0) -> list[str]:
    """Every NaN or inf inside ``value`` (numbers, arrays, containers, dataclasses)."""
    if depth > 6 or value is None or isinstance(value, bool | int | enum.Enum):
        return []
    if isinstance(value, float | np.floating):
        return [] if math.isfinite(value) else [f"{where} = {value}"]
    if isinstance(value, str):
        return [f"{where} = {value!r}"] if re.search(r"\bnan\b", value, re.I) else []
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc" and not np.all(np.isfinite(value)):
            return [f"{where} holds {value[~np.isfinite(value)][:3]}"]
        if value.dtype.kind == "O":
            return problems(value.tolist(), where, depth + 1)
        return []
    if isinstance(value, dict):
        return [
            p
            for k, v in value.items()
            for p in problems(v, f"{where}[{k!r}]", depth + 1)
        ]
    if isinstance(value, list | tuple):
        return [
            p
            for i, v in enumerate(value)
            for p in problems(v, f"{where}[{i}]", depth + 1)
        ]
    if dataclasses.is_dataclass(value):
        return [
            p
            for f in dataclasses.fields(value)
            for p in problems(getattr(value, f.name), f"{where}.{f.name}", depth + 1)
        ]
    return []


# -- the edge values in every position ------------------------------------------------------


def _with_first(values: Any, edge: float) -> Any:
    array = np.array(values, dtype=float)
    array.flat[0] = edge
    return array


def variants(value: Any, edge: float) -> Iterator[Any]:
    """``edge`` in place of ``value``: as a number, as text, in a list, in the text."""
    yield edge
    if isinstance(value, str):
        yield repr(edge)
        yield f"{edge!r}, {edge!r}, {edge!r}"
        replaced = re.sub(r"-?\d+(\.\d+)?", repr(edge), value, count=1)
        if replaced != value:
            yield replaced
        return
    if isinstance(value, np.ndarray | list | tuple) and value is not None:
        try:
            array = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            return
        if array.size:
            yield _with_first(array, edge)
            yield np.full(array.shape, edge)
            if isinstance(value, list | tuple):
                yield type(value)(_with_first(array, edge).tolist())


def edge_cases() -> Iterator[tuple[str, str, float]]:
    """``(function, parameter, edge)`` for every function and every parameter."""
    for name, fn in public_functions():
        for param in inspect.signature(fn).parameters.values():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            for edge in EDGES:
                yield name, param.name, edge


def _is_object_param(value: Any) -> bool:
    return callable(value) or isinstance(value, core_classes())


def call_outcome(name: str, arguments: dict[str, Any]) -> str | None:
    """``None`` when the call returns finite numbers or raises ValueError; else why not."""
    fn = dict(public_functions())[name]
    try:
        result = fn(**arguments)
    except ValueError:
        return None
    except Exception as error:  # the point of the test: nothing else may escape
        return f"{type(error).__name__}: {error}"
    found = [] if name in RETURNS_RAW_TEXT else problems(result)
    return "; ".join(found[:3]) if found else None


def test_every_public_function_is_found() -> None:
    names = {name for name, _ in public_functions()}
    assert len(names) > 150
    assert {"core.parsing.parse_number", "core.normal_tails.normal_cdf"} <= names


def test_every_public_function_has_a_valid_call() -> None:
    """A new core function whose valid call cannot be built shows up here by name."""
    missing = [name for name, _ in public_functions() if valid_call(name) is None]
    assert missing == []


def test_every_argument_at_the_edges() -> None:
    failures = []
    for name, _ in public_functions():
        call = valid_call(name)
        if call is None:
            continue
        for param, value in call.arguments.items():
            if _is_object_param(value):
                continue
            tried = [v for edge in EDGES for v in variants(value, edge)]
            if not isinstance(value, tuple) or param in ("start", "target"):
                tried.append(None)
            for bad in tried:
                why = call_outcome(name, {**call.arguments, param: bad})
                if why is not None:
                    failures.append(f"{name}({param}={bad!r}): {why}")
    assert failures == [], "\n".join(failures)


_NUMERIC = st.one_of(
    st.sampled_from(EDGES),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-1e3, 1e3),
)


@pytest.mark.parametrize("name", [name for name, _ in public_functions()])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
@given(data=st.data())
def test_random_floats_everywhere_at_once(name: str, data: st.DataObject) -> None:
    """Several numeric arguments at once: any float, the edges among them."""
    call = valid_call(name)
    if call is None:
        return
    arguments = dict(call.arguments)
    for param, value in call.arguments.items():
        if _is_object_param(value) or isinstance(value, bool):
            continue
        numeric = isinstance(value, float | int) or (
            isinstance(value, np.ndarray) and value.dtype.kind == "f"
        )
        if numeric and data.draw(st.booleans(), label=f"change {param}"):
            edge = data.draw(_NUMERIC, label=param)
            arguments[param] = (
                _with_first(value, edge) if isinstance(value, np.ndarray) else edge
            )
    assert call_outcome(name, arguments) is None
