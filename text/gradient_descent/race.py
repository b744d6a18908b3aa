"""Words, formulas and code for the 2-D view: optimisers racing on a surface.

Examples
--------
>>> from core.gradient_descent import Optimiser, race
>>> r = race("bowl", (3.0, 2.0), [Optimiser("gd", 0.5)], 1)
>>> describe_path(r, 0)             # lr 0.5 on x² + y²: one step lands on (0, 0)
'Gradient descent reached the minimum (0, 0) at step 1 (within 0.01), loss 0.'
>>> race_code_result(r).tolist()
[[0.0, 0.0]]
"""

from __future__ import annotations

import numpy as np

from core.gradient_descent import (
    METHODS,
    Optimiser,
    Race,
    distance_to_minimum,
    first_within,
)
from core.parsing import format_number
from text.gradient_descent.descent import divergence_message

#: Each optimiser's update rule, in LaTeX.
RULES = {
    "gd": r"w \leftarrow w - \alpha\,\nabla f",
    "momentum": r"z \leftarrow \beta z + \nabla f, \quad w \leftarrow w - \alpha z",
    "rmsprop": r"s \leftarrow \rho s + (1-\rho)(\nabla f)^2, \quad w \leftarrow w - \frac{\alpha\,\nabla f}{\sqrt{s} + \varepsilon}",
    "adam": r"\begin{gathered} m \leftarrow \beta_1 m + (1-\beta_1)\nabla f, \quad v \leftarrow \beta_2 v + (1-\beta_2)(\nabla f)^2 \\ \hat m = \frac{m}{1-\beta_1^t}, \quad \hat v = \frac{v}{1-\beta_2^t}, \quad w \leftarrow w - \frac{\alpha\,\hat m}{\sqrt{\hat v} + \varepsilon} \end{gathered}",
}
#: What each surface teaches, first in the chart's words.
SURFACE_NOTES = {
    "bowl": "On a round bowl the gradient points straight at the minimum, so every optimiser heads right for it.",
    "elongated": "The bowl is 10 times steeper across (y) than along (x). Plain gradient descent needs lr below 0.1 or its y steps blow up; near that limit it zig-zags across the valley, far below it it crawls along x. Momentum carries speed along the valley floor, and Adam scales each coordinate's step by the size of its own gradient.",
    "rosenbrock": "The minimum at (1, 1) lies in a long curved valley: reaching the valley is easy, following its flat floor is slow, and a rate that is too large bounces off the steep walls.",
    "saddle": "A saddle has no minimum: the loss falls for ever along y. Starting almost on the ridge (y ≈ 0), gradient descent first slides towards the flat centre and only slowly escapes along y; adaptive methods (RMSProp, Adam) escape much sooner.",
    "two_minima": "Two valleys, left (deeper) and right: which one an optimiser ends in depends on the start point and on how far its steps carry it.",
}
#: What the chart of a typed f(x, y) shows.
CUSTOM_NOTE = "Your own function: its exact gradient (worked out by SymPy) drives every optimiser, and the stars mark the minima found on the drawn square."
#: The text alternative of the loss-per-step chart.
LOSS_ALT = "The loss of each optimiser after every step."


def race_latex(r: Race) -> list[str]:
    """The surface, then the update rule of each optimiser in the race (one per line)."""
    used = dict.fromkeys(o.method for o in r.optimisers)
    lines = [
        rf"f(x, y) = {r.surface.latex}, \qquad \nabla f = \left(\tfrac{{\partial f}}{{\partial x}}, \tfrac{{\partial f}}{{\partial y}}\right)"
    ]
    if r.surface.gradient_latex:
        lines.append(rf"\nabla f = \left({r.surface.gradient_latex}\right)")
    lines += [rf"\text{{{METHODS[m]}:}}\quad {RULES[m]}" for m in used]
    return lines


def describe_path(r: Race, index: int) -> str:
    """One sentence on what optimiser ``index`` did."""
    o, path = r.optimisers[index], r.paths[index]
    name = METHODS[o.method]
    last = path.final
    at = f"({format_number(last[0], 4)}, {format_number(last[1], 4)})"
    if path.diverged_at is not None:
        return f"{name} **{divergence_message(path, '|x| or |y|')}**: the learning rate is too large for this surface."
    distance, best = distance_to_minimum(r.surface, last)
    loss = format_number(float(path.losses[-1]), 4)
    if best is not None and distance < 1e-2:
        first = first_within(path.points, best, 1e-2)
        return f"{name} reached the minimum ({format_number(best[0], 4)}, {format_number(best[1], 4)}) at step {first} (within 0.01), loss {loss}."
    return f"{name} ended at {at} with loss {loss} after {path.steps_taken} steps."


def describe_race(r: Race) -> str:
    """What the paths on the contour show, in words (the chart's alt text)."""
    lines = [SURFACE_NOTES.get(r.surface.key, CUSTOM_NOTE)]
    lines += [describe_path(r, i) for i in range(len(r.paths))]
    return " ".join(lines)


def _descend_call(o: Optimiser) -> str:
    args = [f'"{o.method}"', f"lr={format_number(o.lr)}"]
    if o.method == "momentum":
        args.append(f"beta={format_number(o.momentum)}")
    if o.method == "rmsprop":
        args.append(f"rho={format_number(o.rho)}")
    if o.method == "adam":
        args += [f"beta1={format_number(o.beta1)}", f"beta2={format_number(o.beta2)}"]
    return f"    descend({', '.join(args)}),"


#: The optimiser loop of :func:`race_code`, the same for every race.
_DESCEND = (
    "def descend(method, lr, beta=0.9, rho=0.9, beta1=0.9, beta2=0.999, eps=1e-8):\n"
    "    w = np.array(start, dtype=float)\n"
    "    z = np.zeros(2)  # momentum's velocity / Adam's mean of the gradient\n"
    "    s = np.zeros(2)  # RMSProp's / Adam's mean of the squared gradient\n"
    "    for t in range(1, steps + 1):\n"
    "        g = gradient(w)\n"
    '        if method == "gd":\n'
    "            update = lr * g\n"
    '        elif method == "momentum":\n'
    "            z = beta * z + g\n"
    "            update = lr * z\n"
    '        elif method == "rmsprop":\n'
    "            s = rho * s + (1 - rho) * g * g\n"
    "            update = lr * g / (np.sqrt(s) + eps)\n"
    "        else:  # adam\n"
    "            z = beta1 * z + (1 - beta1) * g\n"
    "            s = beta2 * s + (1 - beta2) * g * g\n"
    "            update = lr * (z / (1 - beta1**t)) / (np.sqrt(s / (1 - beta2**t)) + eps)\n"
    "        new_w = w - update\n"
    "        if np.any(np.abs(new_w) > 1e6):  # diverged: stop before overflow\n"
    "            break\n"
    "        w = new_w\n"
    "    return w\n\n"
)


def _worked_out(key: str) -> str:
    return "exact, by SymPy" if key.startswith("custom:") else "worked out by hand"


def race_code(r: Race) -> str:
    """Self-contained NumPy code that reproduces every path's end point."""
    s = r.surface
    calls = [_descend_call(o) for o in r.optimisers]
    return (
        "import numpy as np\n\n"
        f"def loss(w):  # {s.label}\n"
        "    x, y = w\n"
        f"    return {s.loss_code}\n\n"
        f"def gradient(w):  # the partial derivatives, {_worked_out(s.key)}\n"
        "    x, y = w\n"
        f"    return np.array([{s.gradient_code}])\n\n"
        f"start = [{format_number(r.start[0])}, {format_number(r.start[1])}]\n"
        f"steps = {r.steps}\n\n" + _DESCEND + "np.array([\n" + "\n".join(calls) + "\n])"
    )


def race_code_result(r: Race) -> np.ndarray:
    """What the last line of :func:`race_code` evaluates to: each path's end point."""
    return np.array([p.final for p in r.paths])
