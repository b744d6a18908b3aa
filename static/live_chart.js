// A live chart (ui/live_chart.py): a Plotly figure whose frames Python computed on a
// grid of each live parameter. A drag (a handle on the chart, or a range control)
// swaps frames in at display rate with no server round trip; the release sends
// one message (setStateValue) and Python redraws the rest of the page.
//
// Streamlit calls this function again on the same element whenever the data
// changes and does not run the previous cleanup: everything lives on the
// element (root.__live) and a second call with the same payload does nothing.
//
// A control may come *lazy*: its grid but no frames yet. It asks Python for them
// ("want") when the pointer enters it or it gets the focus, before it is needed.
// A drag that starts before they come moves the handle with the pointer and
// jumps to the nearest frame when they arrive; a release before then commits
// the grid value (keys, ranges) or waits for the frames to snap (a handle).

// The page's shared helpers (ui/plotly_page.js), handed over by the component's
// inline script, which imports this module from Streamlit's static serving
// (ui/small_plotly.py): the script travels once and is cached, not with every rerun.
let loadPlotly;
let decode;

const ANIMATE = {
  frame: { duration: 0, redraw: false },
  transition: { duration: 0 },
  mode: "immediate",
};
// A handle or range snaps to its grid, whose points may lie a few display frames
// apart at a drag's speed (a 2-D handle's always do). While it is dragged, the
// chart glides to each new grid point over as many display frames as the last two
// grid points came apart (1 to GLIDE_FRAMES; 1 is no glide), so it never trails a
// fast drag: the first step is drawn with the swap itself (as soon as a frame
// without glide would be), the rest at the next frames, each the positions (x, y
// and the handles) part of the way from where they are drawn to the new frame's.
// So the chart moves at every display frame instead of jumping when the pointer
// crosses a grid point. Everything else (labels, colours, the readout) is the new
// grid point's at once; a release lands the glide at once. Keys and a learner who
// asks for less motion get no glide.
const GLIDE_FRAMES = 3;
const FRAME_MS = 1000 / 60;
const STILL = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
const KEYS = {
  ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowLeft: [-1, 0], ArrowDown: [0, -1],
  PageUp: [5, 5], PageDown: [-5, -5],
};

// Frame sets (and big backdrop images) by id, for every live chart of the page: a
// release tells Python which the browser holds, and Python sends only their ids
// (ui/live_chart.py).
const KEEP_FRAME_SETS = 48;
function frameStore() {
  if (!window.__liveFrameSets) window.__liveFrameSets = new Map();
  return window.__liveFrameSets;
}
function keep(id, value) {
  const store = frameStore();
  store.delete(id);
  store.set(id, value);
  while (store.size > KEEP_FRAME_SETS) store.delete(store.keys().next().value);
}
function keepFrames(control) {
  keep(control.fid, control.frames);
}
// Fill in the frames and the big layout images (a backdrop: "ref:<id>") sent by
// id; false if one is no longer here.
function resolveFrames(payload) {
  const store = frameStore();
  for (const [id, source] of Object.entries(payload.sources || {})) keep(id, source);
  const layout = payload.figure && payload.figure.layout;
  for (const image of (layout && layout.images) || []) {
    const ref = typeof image.source === "string" && image.source.startsWith("ref:")
      ? image.source.slice(4) : null;
    if (!ref) continue;
    if (!store.has(ref)) return false;
    image.source = store.get(ref);
    keep(ref, image.source); // used again: the newest in the store
  }
  payload.controls.forEach((control, i) => {
    if (payload.starts) control.start = payload.starts[i];
  });
  for (const control of payload.controls) {
    if (control.lazy) continue; // its frames come when asked for
    if (control.frames) {
      if (control.fid) keepFrames(control);
    } else if (control.ref && store.has(control.ref)) {
      control.frames = store.get(control.ref);
      control.fid = control.ref;
      keepFrames(control); // used again: the newest in the store
    } else {
      return false;
    }
  }
  return true;
}

// Grid position <-> frame index (last parameter fastest).
function cellOf(control, index) {
  const sizes = control.grids.map((g) => g.length);
  const cell = sizes.map(() => 0);
  for (let i = sizes.length - 1; i >= 0; i--) {
    cell[i] = index % sizes[i];
    index = Math.floor(index / sizes[i]);
  }
  return cell;
}
function indexOf(control, cell) {
  return cell.reduce((index, c, i) => index * control.grids[i].length + c, 0);
}
function gridSize(control) {
  return control.grids.reduce((n, g) => n * g.length, 1);
}
// The values at a grid point: what its frame's ``v`` holds, known without frames.
function valuesAt(control, index) {
  const cell = cellOf(control, index);
  const values = {};
  control.params.forEach((name, i) => { values[name] = control.grids[i][cell[i]]; });
  return values;
}
function keyOf(control) {
  return control.params.join(" ");
}

function pixel(gd, x, y) {
  const L = gd._fullLayout;
  if (!L || !L.xaxis || x === null || y === null) return null;
  return [L.xaxis._offset + L.xaxis.l2p(x), L.yaxis._offset + L.yaxis.l2p(y)];
}

function setReadout(live, text) {
  live.readout.textContent = text || "";
  live.readout.hidden = !text;
}

function showFrame(live, control, index) {
  if (index < 0 || index >= gridSize(control)) return;
  live.shown = { control, index };
  if (!control.frames) { // lazy: the grid position only, drawn when frames come
    for (const el of live.inputs.get(control) || []) el.value = String(cellOf(control, index)[0]);
    for (const el of live.handleEls) {
      if (el.__control === control) el.setAttribute("aria-valuenow", String(index));
    }
    return;
  }
  live.pending = { control, index };
  if (live.raf) return; // a redraw is due at the next frame: it takes the latest
  if (!live.drewSinceFrame) {
    // The first change since the last frame is drawn at once, in the time
    // between frames, so the next frame shows it: drawn from that frame's own
    // callbacks, a 2-D frame's 7-12 ms of Plotly work made it a frame late.
    live.drewSinceFrame = true;
    requestAnimationFrame(() => { live.drewSinceFrame = false; });
    flush(live);
    return;
  }
  live.raf = requestAnimationFrame(() => flush(live));
}

// At most one redraw between two display frames: the latest wanted frame wins.
function flush(live) {
  live.raf = 0;
  const wanted = live.pending;
  live.pending = null;
  if (!wanted || !live.Plotly || !wanted.control.frames) return;
  const frame = wanted.control.frames[wanted.index];
  // a glide of one frame is the frame itself, drawn at once
  startGlide(live, wanted.control, frame, glideFrames(live, wanted.control));
  setReadout(live, frame.t);
  const cell = cellOf(wanted.control, wanted.index);
  for (const el of live.inputs.get(wanted.control) || []) {
    el.value = String(cell[0]);
    el.setAttribute("aria-valuetext", frame.t);
  }
  for (const el of live.handleEls) {
    if (el.__control === wanted.control) {
      el.setAttribute("aria-valuenow", String(wanted.index));
      if (frame.t) el.setAttribute("aria-valuetext", frame.t);
      else el.removeAttribute("aria-valuetext");
    }
  }
  live.root.dataset.frame = wanted.control.params.join(" ") + ":" + wanted.index;
}

// Over how many display frames the chart glides to a new grid point of ``control``.
function glideFrames(live, control) {
  const now = performance.now();
  const last = live.swappedAt;
  live.swappedAt = now;
  if (live.dragging !== control || !control.traces.length) return 1;
  if (STILL && STILL.matches) return 1;
  const apart = last === undefined ? GLIDE_FRAMES : Math.round((now - last) / FRAME_MS);
  return Math.max(1, Math.min(GLIDE_FRAMES, apart));
}

// A glide from what the chart shows now (mid-glide, if one is on) to ``frame``
// over ``frames`` display frames (1: straight there).
function startGlide(live, control, frame, frames) {
  const shown = live.plot.data || [];
  live.glide = {
    control,
    frame,
    frames,
    from: control.traces.map((t) => shown[t] || {}),
    fromHandles: live.handlePositions || frame.h,
    step: 0,
  };
  glideStep(live);
}

// A release lands a glide at once: the chart shows the value sent to Python.
function landGlide(live) {
  const glide = live.glide;
  if (!glide) return;
  glide.step = glide.frames - 1;
  glideStep(live);
  stopGlide(live);
}

function stopGlide(live) {
  live.glide = null;
}

// Plotly draws an animation frame at its own display-frame callback and says so
// (plotly_animatingframe): the glide's next step is queued then, so Plotly draws
// it at the next display frame, one step a frame, whatever order the page's
// frame callbacks run in.
function glideNext(live) {
  const glide = live.glide;
  if (!glide || glide.queued) return;
  glide.queued = true;
  queueMicrotask(() => {
    glide.queued = false;
    if (live.glide === glide && glide.step < glide.frames) glideStep(live);
  });
}

function glideStep(live) {
  const glide = live.glide;
  glide.step += 1;
  const f = Math.min(1, glide.step / glide.frames);
  // The first and last steps take the new frame's words and colours too (the last
  // in case Plotly replaced the first before drawing it); the others move only
  // the positions: Plotly lays out text again whenever it is given.
  const whole = glide.step === 1 || f >= 1;
  const data = glide.frame.d.map((to, i) => between(glide.from[i], to, f, whole));
  if (f >= 1) live.glide = null; // the last step
  if (glide.control.traces.length) {
    // a step Plotly replaced with a newer one before drawing it rejects: not an error
    live.Plotly.animate(live.plot, { data, traces: glide.control.traces }, ANIMATE)
      .catch(() => {});
  }
  const to = glide.frame.h;
  live.handlePositions = f >= 1 ? to : to.map((p, i) => {
    const q = glide.fromHandles[i];
    return p && q ? [q[0] + (p[0] - q[0]) * f, q[1] + (p[1] - q[1]) * f] : p;
  });
  placeHandles(live);
}

// A trace's update part of the way (f) from what is drawn: x and y when both are
// numbers of the same length (the new frame's own at the end). With ``whole``,
// the rest of the new frame's update too; without, only x and y.
function between(from, to, f, whole) {
  const out = whole ? { ...to } : {};
  for (const key of ["x", "y"]) {
    const a = from[key];
    const b = to[key];
    if (!(key in to)) continue;
    out[key] = b;
    if (f >= 1 || !Array.isArray(b) || !a || a.length !== b.length) continue;
    const mixed = new Array(b.length);
    for (let i = 0; i < b.length; i++) {
      const p = a[i];
      const q = b[i];
      mixed[i] = typeof p === "number" && typeof q === "number" ? p + (q - p) * f : q;
    }
    out[key] = mixed;
  }
  return out;
}

function placeHandles(live) {
  live.handleEls.forEach((el, i) => {
    if (el.__free) return; // follows the pointer until its frames come
    const at = live.handlePositions && live.handlePositions[i];
    const p = at ? pixel(live.plot, at[0], at[1]) : null;
    el.hidden = !p;
    if (p) el.style.transform = `translate(${p[0]}px, ${p[1]}px)`;
  });
}

// One message to Python: the values of the frame on screen (and a counter, so
// the same values dragged to twice still count as a change).
function commit(live, control, index) {
  if (index === undefined) {
    if (!live.shown || keyOf(live.shown.control) !== keyOf(control)) return;
    index = live.shown.index;
  }
  const values = valuesAt(control, index);
  live.sent = (live.sent || 0) + 1;
  const have = [...frameStore().keys()];
  live.setStateValue("release", {
    values, n: Date.now() + live.sent, have, control: keyOf(control),
  });
}

// Ask Python for a lazy control's frames (once; again after a few seconds if
// they have not come). The rerun it starts sends them.
const ASK_AGAIN_MS = 4000;
function ask(live, control) {
  if (!control || control.frames) return;
  const key = keyOf(control);
  const last = live.asked.get(key);
  if (last && Date.now() - last < ASK_AGAIN_MS) return;
  live.asked.set(key, Date.now());
  live.sent = (live.sent || 0) + 1;
  const have = [...frameStore().keys()];
  live.setStateValue("want", { control: key, n: Date.now() + live.sent, have });
}

// The pointer relative to the plot (where the frames' handle positions are).
function plotPoint(live, clientX, clientY) {
  const box = live.plot.getBoundingClientRect();
  return [clientX - box.left, clientY - box.top];
}

function nearestFrame(live, control, point) {
  const [x, y] = point;
  const slot = control.slot;
  let best = -1, bestDistance = Infinity;
  control.frames.forEach((frame, index) => {
    const at = frame.h[slot];
    const p = at ? pixel(live.plot, at[0], at[1]) : null;
    if (!p) return;
    const d = (p[0] - x) ** 2 + (p[1] - y) ** 2;
    if (d < bestDistance) { bestDistance = d; best = index; }
  });
  return best;
}

function shownIndex(live, control) {
  return live.shown && live.shown.control === control ? live.shown.index : control.start;
}

function step(live, control, dx, dy) {
  const index = shownIndex(live, control);
  const cell = cellOf(control, index);
  const moves = cell.length === 1 ? [dx || dy] : [dx, dy];
  const next = cell.map((c, i) => Math.max(0, Math.min(control.grids[i].length - 1, c + moves[i])));
  showFrame(live, control, indexOf(control, next));
}

// The pointer moves a handle whose frames have not come: it follows freely.
function follow(live, el, event) {
  const box = live.handles.getBoundingClientRect();
  el.__free = true;
  el.style.transform = `translate(${event.clientX - box.left}px, ${event.clientY - box.top}px)`;
}

function askForAll(live) {
  const values = live.lost;
  live.lost = null;
  live.root.dataset.lost = String(Number(live.root.dataset.lost || 0) + 1); // for tests
  live.sent = (live.sent || 0) + 1;
  live.setStateValue("release", { values, n: Date.now() + live.sent, have: [] });
}

function endDrag(live) {
  live.dragging = null;
  if (live.lost) askForAll(live);
  const later = live.deferred;
  live.deferred = null;
  if (later) render(live, later).catch(() => {});
}

// A handle. Its control is el.__control: a new payload with the same controls
// swaps the control in and keeps the element (its focus, its listeners).
function makeHandle(live) {
  const el = document.createElement("div");
  el.className = "live-handle";
  el.tabIndex = 0;
  el.setAttribute("role", "slider");
  // A slider needs its range and value: the frame index on the control's grid
  // (aria-valuetext, the readout, says what it means).
  el.setAttribute("aria-valuemin", "0");
  const want = () => ask(live, el.__control);
  el.addEventListener("pointerenter", want);
  el.addEventListener("focus", want);
  el.addEventListener("touchstart", want, { passive: true });
  el.addEventListener("pointerdown", (event) => {
    const control = el.__control;
    event.preventDefault();
    el.setPointerCapture(event.pointerId);
    el.focus({ preventScroll: true });
    ask(live, control);
    live.dragging = control;
    live.swappedAt = undefined; // a new drag: its first grid point glides in full
    live.pointer = plotPoint(live, event.clientX, event.clientY);
    live.pendingRelease = null;
    el.classList.add("live-dragging");
    if (control.frames) showFrame(live, control, shownIndex(live, control));
    else follow(live, el, event);
  });
  el.addEventListener("pointermove", (event) => {
    const control = el.__control;
    if (live.dragging !== control) return;
    live.pointer = plotPoint(live, event.clientX, event.clientY);
    if (!control.frames) {
      follow(live, el, event);
      return;
    }
    const index = nearestFrame(live, control, live.pointer);
    if (index >= 0 && !(live.shown && live.shown.control === control && live.shown.index === index)) {
      showFrame(live, control, index);
    }
  });
  const release = () => {
    const control = el.__control;
    if (live.dragging !== control) return;
    el.classList.remove("live-dragging");
    if (control.frames) {
      commit(live, control); // first: the message leaves before Plotly's work
      landGlide(live);
    } else { // snapped and sent when the frames come (settle): never a lost release
      live.pendingRelease = { key: keyOf(control), point: live.pointer };
      retry(live, 0);
    }
    endDrag(live);
  };
  el.addEventListener("pointerup", release);
  el.addEventListener("pointercancel", release);
  el.addEventListener("keydown", (event) => {
    const move = KEYS[event.key];
    if (!move) return;
    event.preventDefault();
    step(live, el.__control, move[0], move[1]);
  });
  el.addEventListener("keyup", (event) => {
    if (KEYS[event.key]) commit(live, el.__control);
  });
  return el;
}

// A release waits for its frames: ask again now and then if they do not come.
function retry(live, tries) {
  clearTimeout(live.retryTimer);
  if (tries >= 5) return;
  live.retryTimer = setTimeout(() => {
    const pending = live.pendingRelease;
    const control = pending && live.payload &&
      live.payload.controls.find((c) => keyOf(c) === pending.key);
    if (!control || control.frames) return;
    ask(live, control);
    retry(live, tries + 1);
  }, ASK_AGAIN_MS + 100);
}

function makeRange(live) {
  const wrap = document.createElement("label");
  wrap.className = "live-range";
  const name = document.createElement("span");
  const input = document.createElement("input");
  input.type = "range";
  input.min = "0";
  input.step = "1";
  const want = () => ask(live, input.__control);
  input.addEventListener("pointerenter", want);
  input.addEventListener("focus", want);
  input.addEventListener("touchstart", want, { passive: true });
  input.addEventListener("pointerdown", () => {
    const control = input.__control;
    ask(live, control);
    live.dragging = control;
    live.swappedAt = undefined; // a new drag: its first grid point glides in full
    // The thumb is the browser's: the drag ends wherever the pointer is let go,
    // after the input's own change event (the commit).
    const end = () => {
      window.removeEventListener("pointerup", end, true);
      window.removeEventListener("pointercancel", end, true);
      setTimeout(() => { if (live.dragging === control) endDrag(live); }, 0);
    };
    window.addEventListener("pointerup", end, true);
    window.addEventListener("pointercancel", end, true);
  });
  input.addEventListener("input", () => showFrame(live, input.__control, Number(input.value)));
  input.addEventListener("change", () => {
    commit(live, input.__control, Number(input.value)); // first: the message leaves
    landGlide(live);
  });
  wrap.append(name, input);
  wrap.__input = input;
  wrap.__name = name;
  return wrap;
}

function markFrames(el, control) {
  if (control.frames) el.dataset.frames = String(control.frames.length);
  else delete el.dataset.frames;
}

function setHandle(el, control) {
  el.__control = control;
  el.__free = false;
  el.setAttribute("aria-label", control.label);
  el.setAttribute("aria-valuemax", String(gridSize(control) - 1));
  el.setAttribute("aria-valuenow", String(control.start || 0));
  el.removeAttribute("aria-valuetext");
  el.dataset.drag = keyOf(control);
  el.style.setProperty("--live-colour", control.colour);
  el.title = control.label + ": drag, or use the arrow keys";
  markFrames(el, control);
}

function setRange(live, wrap, control) {
  const input = wrap.__input;
  input.__control = control;
  wrap.__name.textContent = control.labels[0];
  input.max = String(control.grids[0].length - 1);
  input.value = String(control.start);
  input.dataset.live = control.params[0];
  input.removeAttribute("aria-valuetext");
  markFrames(input, control);
  live.inputs.set(control, [input]);
}

function signature(controls) {
  return controls.map((c) => c.kind + ":" + keyOf(c)).join("|");
}

function sameValues(a, b) {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

// The handles and ranges of a payload. ``before``: the payload drawn until now.
function build(live, payload, before) {
  const same = live.signature === signature(payload.controls);
  if (!same) {
    live.handles.replaceChildren();
    live.ranges.replaceChildren();
    live.handleEls = [];
    live.rangeEls = [];
    live.signature = signature(payload.controls);
  }
  live.inputs = new Map();
  let slot = 0, ranges = 0;
  for (const control of payload.controls) {
    if (control.frames) live.asked.delete(keyOf(control));
    if (control.kind === "drag") {
      control.slot = slot;
      let el = live.handleEls[slot++];
      if (!el) {
        el = makeHandle(live);
        live.handles.appendChild(el);
        live.handleEls.push(el);
      }
      setHandle(el, control);
    } else {
      let wrap = live.rangeEls[ranges++];
      if (!wrap) {
        wrap = makeRange(live);
        live.ranges.appendChild(wrap);
        live.rangeEls.push(wrap);
      }
      setRange(live, wrap, control);
    }
  }
  live.handlePositions = payload.handles;
  // A payload that moves no value (frames asked for came) leaves a control where
  // the learner put it: a key pressed before they came is released from there.
  const shown = live.shown;
  const again = shown && before && sameValues(before.values, payload.values) &&
    payload.controls.find((c) => keyOf(c) === keyOf(shown.control));
  live.shown = null;
  setReadout(live, "");
  if (again && shown.index !== again.start) showFrame(live, again, shown.index);
}

// Frames that came during a drag of their (lazy) control: take them at once.
function adopt(live, payload) {
  const control = live.dragging;
  if (!control || control.frames || !live.drawn) return;
  const came = payload.controls.find((c) => keyOf(c) === keyOf(control) && c.frames);
  if (!came) return;
  const held = live.drawn.values;
  for (const [name, value] of Object.entries(payload.values)) {
    if (!control.params.includes(name) && held[name] !== value) return; // other frames
  }
  control.frames = came.frames;
  control.fid = came.fid;
  control.traces = came.traces;
  delete control.lazy;
  for (const el of [...live.handleEls, ...(live.inputs.get(control) || [])]) {
    if (el.__control === control) {
      el.__free = false;
      markFrames(el, control);
    }
  }
  const index = control.kind === "drag" && live.pointer
    ? nearestFrame(live, control, live.pointer)
    : shownIndex(live, control);
  showFrame(live, control, index);
}

// A handle let go before its frames came: snap it to the nearest and send it.
function settle(live) {
  const pending = live.pendingRelease;
  if (!pending) return;
  const control = live.payload.controls.find((c) => keyOf(c) === pending.key);
  if (!control) {
    live.pendingRelease = null;
    return;
  }
  const el = live.handleEls.find((h) => h.__control === control);
  if (!control.frames) { // still on its way: the handle stays where it was let go
    if (el) el.__free = true;
    ask(live, control);
    return;
  }
  live.pendingRelease = null;
  clearTimeout(live.retryTimer);
  const index = pending.point ? nearestFrame(live, control, pending.point) : -1;
  if (index < 0) return;
  showFrame(live, control, index);
  commit(live, control, index);
}

async function render(live, payload) {
  const Plotly = await loadPlotly(payload.plotly);
  live.Plotly = Plotly;
  if (live.payload !== payload) return; // a newer payload came meanwhile
  const layout = { ...payload.figure.layout, dragmode: false };
  stopGlide(live);
  await Plotly.react(live.plot, payload.figure.data, layout, payload.config);
  if (live.payload !== payload) return;
  const before = live.drawn;
  live.drawn = payload;
  if (!live.listening) {
    live.listening = true;
    live.plot.on("plotly_afterplot", () => placeHandles(live));
    live.plot.on("plotly_animatingframe", () => glideNext(live));
  }
  live.plot.setAttribute("role", "img");
  live.plot.setAttribute("aria-label", payload.alt || "");
  build(live, payload, before);
  settle(live);
  placeHandles(live);
  live.root.dataset.ready = payload.v;
}

export default function (component, helpers) {
  ({ loadPlotly, decode } = helpers);
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".live-chart");
  if (!root) return;
  const payload = decode(data);
  let live = root.__live;
  if (!live) {
    live = root.__live = {
      root,
      plot: root.querySelector(".live-plot"),
      handles: root.querySelector(".live-handles"),
      readout: root.querySelector(".live-readout"),
      ranges: root.querySelector(".live-ranges"),
      handleEls: [],
      rangeEls: [],
      inputs: new Map(),
      asked: new Map(),
    };
  }
  live.setStateValue = setStateValue;
  if (!payload || live.version === payload.v) return;
  if (!resolveFrames(payload)) {
    // Frames sent by id that this browser no longer holds: ask for all of them
    // (after the drag, if one is on: nothing is sent during a drag).
    live.lost = payload.values;
    if (!live.dragging) askForAll(live);
    return;
  }
  live.version = payload.v;
  live.payload = payload;
  root.dataset.bytes = String(data.byteLength || data.length || 0); // for the benchmark
  if (live.dragging) {
    live.deferred = payload; // never swap the frames under a finger
    adopt(live, payload); // but take the dragged control's own frames if they came
    return;
  }
  render(live, payload).catch((error) => {
    root.dataset.error = String(error);
    setReadout(live, "The live chart could not be drawn: " + error.message);
  });
}
