// A live chart (ui/live_chart.py): a Plotly figure whose frames Python computed on a
// grid of each live parameter. A drag (a handle on the chart, or a range control)
// swaps frames in at display rate with no server round trip; the release sends
// one message (setStateValue) and Python redraws the rest of the page.
//
// Streamlit calls this function again on the same element whenever the data
// changes and does not run the previous cleanup: everything lives on the
// element (root.__live) and a second call with the same payload does nothing.

const ANIMATE = {
  frame: { duration: 0, redraw: false },
  transition: { duration: 0 },
  mode: "immediate",
};
const KEYS = {
  ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowLeft: [-1, 0], ArrowDown: [0, -1],
  PageUp: [5, 5], PageDown: [-5, -5],
};

function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__livePlotly) {
    window.__livePlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(src, window.location.href).href;
      script.async = true;
      script.dataset.livePlotly = "";
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        window.__livePlotly = null;
        script.remove();
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(script);
    });
  }
  return window.__livePlotly;
}

// Frame sets by id, for every live chart of the page: a release then tells Python
// which sets the browser holds, and Python sends only their ids (ui/live_chart.py).
const KEEP_FRAME_SETS = 48;
function frameStore() {
  if (!window.__liveFrameSets) window.__liveFrameSets = new Map();
  return window.__liveFrameSets;
}
function keepFrames(control) {
  const store = frameStore();
  store.delete(control.fid);
  store.set(control.fid, control.frames);
  while (store.size > KEEP_FRAME_SETS) store.delete(store.keys().next().value);
}
// Fill in the frames sent by id; false if one is no longer here.
function resolveFrames(payload) {
  const store = frameStore();
  payload.controls.forEach((control, i) => {
    if (payload.starts) control.start = payload.starts[i];
  });
  for (const control of payload.controls) {
    if (control.frames) {
      if (control.fid) keepFrames(control);
    } else if (control.ref && store.has(control.ref)) {
      control.frames = store.get(control.ref);
      control.fid = control.ref;
    } else {
      return false;
    }
  }
  return true;
}

function decode(data) {
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) {
    return JSON.parse(new TextDecoder().decode(data));
  }
  return typeof data === "string" ? JSON.parse(data) : data;
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
  const frame = control.frames[index];
  if (!frame) return;
  live.shown = { control, index };
  live.pending = { control, index };
  if (!live.raf) live.raf = requestAnimationFrame(() => flush(live));
}

// At most one redraw per display frame: the latest wanted frame wins.
function flush(live) {
  live.raf = 0;
  const wanted = live.pending;
  live.pending = null;
  if (!wanted || !live.Plotly) return;
  const frame = wanted.control.frames[wanted.index];
  if (wanted.control.traces.length) {
    live.Plotly.animate(live.plot, { data: frame.d, traces: wanted.control.traces }, ANIMATE);
  }
  live.handlePositions = frame.h;
  placeHandles(live);
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

function placeHandles(live) {
  live.handleEls.forEach((el, i) => {
    const at = live.handlePositions && live.handlePositions[i];
    const p = at ? pixel(live.plot, at[0], at[1]) : null;
    el.hidden = !p;
    if (p) el.style.transform = `translate(${p[0]}px, ${p[1]}px)`;
  });
}

// One message to Python: the values of the frame on screen (and a counter, so
// the same values dragged to twice still count as a change).
function commit(live, control) {
  if (!live.shown || live.shown.control !== control) return;
  const frame = control.frames[live.shown.index];
  const values = {};
  control.params.forEach((name, i) => { values[name] = frame.v[i]; });
  live.sent = (live.sent || 0) + 1;
  const have = [...frameStore().keys()];
  live.setStateValue("release", { values, n: Date.now() + live.sent, have });
}

function nearestFrame(live, control, clientX, clientY) {
  const box = live.plot.getBoundingClientRect();
  const x = clientX - box.left, y = clientY - box.top;
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

function step(live, control, dx, dy) {
  const index = live.shown && live.shown.control === control ? live.shown.index : control.start;
  const cell = cellOf(control, index);
  const moves = cell.length === 1 ? [dx || dy] : [dx, dy];
  const next = cell.map((c, i) => Math.max(0, Math.min(control.grids[i].length - 1, c + moves[i])));
  showFrame(live, control, indexOf(control, next));
}

function makeHandle(live, control) {
  const el = document.createElement("div");
  el.className = "live-handle";
  el.tabIndex = 0;
  el.setAttribute("role", "slider");
  el.setAttribute("aria-label", control.label);
  // A slider needs its range and value: the frame index on the control's grid
  // (aria-valuetext, the readout, says what it means).
  el.setAttribute("aria-valuemin", "0");
  el.setAttribute("aria-valuemax", String(control.frames.length - 1));
  el.setAttribute("aria-valuenow", String(control.start || 0));
  el.dataset.drag = control.params.join(" ");
  el.style.setProperty("--live-colour", control.colour);
  el.title = control.label + ": drag, or use the arrow keys";
  el.__control = control;
  el.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    el.setPointerCapture(event.pointerId);
    el.focus({ preventScroll: true });
    live.dragging = control;
    el.classList.add("live-dragging");
    showFrame(live, control, live.shown && live.shown.control === control ? live.shown.index : control.start);
  });
  el.addEventListener("pointermove", (event) => {
    if (live.dragging !== control) return;
    const index = nearestFrame(live, control, event.clientX, event.clientY);
    if (index >= 0 && !(live.shown && live.shown.control === control && live.shown.index === index)) {
      showFrame(live, control, index);
    }
  });
  const release = () => {
    if (live.dragging !== control) return;
    live.dragging = null;
    el.classList.remove("live-dragging");
    commit(live, control);
    const later = live.deferred;
    live.deferred = null;
    if (later) render(live, later).catch(() => {});
  };
  el.addEventListener("pointerup", release);
  el.addEventListener("pointercancel", release);
  el.addEventListener("keydown", (event) => {
    const move = KEYS[event.key];
    if (!move) return;
    event.preventDefault();
    step(live, control, move[0], move[1]);
  });
  el.addEventListener("keyup", (event) => {
    if (KEYS[event.key]) commit(live, control);
  });
  return el;
}

function makeRange(live, control) {
  const wrap = document.createElement("label");
  wrap.className = "live-range";
  const name = document.createElement("span");
  name.textContent = control.labels[0];
  const input = document.createElement("input");
  input.type = "range";
  input.min = "0";
  input.max = String(control.grids[0].length - 1);
  input.step = "1";
  input.value = String(control.start);
  input.dataset.live = control.params[0];
  input.addEventListener("input", () => showFrame(live, control, Number(input.value)));
  input.addEventListener("change", () => commit(live, control));
  wrap.append(name, input);
  live.inputs.set(control, [input]);
  return wrap;
}

function build(live, payload) {
  live.handles.replaceChildren();
  live.ranges.replaceChildren();
  live.handleEls = [];
  live.inputs = new Map();
  let slot = 0;
  for (const control of payload.controls) {
    if (control.kind === "drag") {
      control.slot = slot++;
      const el = makeHandle(live, control);
      live.handles.appendChild(el);
      live.handleEls.push(el);
    } else {
      live.ranges.appendChild(makeRange(live, control));
    }
  }
  live.handlePositions = payload.handles;
  live.shown = null;
  setReadout(live, "");
}

async function render(live, payload) {
  const Plotly = await loadPlotly(payload.plotly);
  live.Plotly = Plotly;
  if (live.payload !== payload) return; // a newer payload came meanwhile
  const layout = { ...payload.figure.layout, dragmode: false };
  await Plotly.react(live.plot, payload.figure.data, layout, payload.config);
  if (!live.listening) {
    live.listening = true;
    live.plot.on("plotly_afterplot", () => placeHandles(live));
  }
  live.plot.setAttribute("role", "img");
  live.plot.setAttribute("aria-label", payload.alt || "");
  build(live, payload);
  placeHandles(live);
  live.root.dataset.ready = payload.v;
}

export default function (component) {
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
      inputs: new Map(),
    };
  }
  live.setStateValue = setStateValue;
  if (!payload || live.version === payload.v) return;
  if (!resolveFrames(payload)) {
    // Frames sent by id that this browser no longer holds: ask for all of them.
    live.sent = (live.sent || 0) + 1;
    setStateValue("release", { values: payload.values, n: Date.now() + live.sent, have: [] });
    return;
  }
  live.version = payload.v;
  live.payload = payload;
  root.dataset.bytes = String(data.byteLength || data.length || 0); // for the benchmark
  if (live.dragging) {
    live.deferred = payload; // never swap the frames under a finger
    return;
  }
  render(live, payload).catch((error) => {
    root.dataset.error = String(error);
    setReadout(live, "The live chart could not be drawn: " + error.message);
  });
}
