// A still chart (ui/still_chart.py): a finished figure, drawn with the page's
// small Plotly. Streamlit calls this function again on the same element whenever
// the data changes: the version drawn lives on the element, and a second call
// with the same payload does nothing.

// The page's shared helpers (ui/plotly_page.js), handed over by the component's
// inline script (ui/small_plotly.py).
let loadPlotly;
let decode;

// The toolbar's "Full screen" button, as st.plotly_chart's toolbar has one: the
// chart fills the screen (a projector) and Escape brings it back.
const FULL_SCREEN_ICON = {
  width: 1000,
  height: 1000,
  path: "M100 100h300v100H200v200H100z M600 100h300v300H800V200H600z " +
    "M100 600h100v200h200v100H100z M800 600h100v300H600V800h200z",
};

function fullScreen(root) {
  if (document.fullscreenElement === root) document.exitFullscreen();
  else if (root.requestFullscreen) root.requestFullscreen();
}

function listenForFullScreen(root, plot) {
  if (root.__fullScreenListener) return;
  root.__fullScreenListener = true;
  root.addEventListener("fullscreenchange", () => {
    if (!window.Plotly || !plot._fullLayout) return;
    const full = document.fullscreenElement === root;
    if (full) root.__normalHeight = plot._fullLayout.height;
    const height = full ? root.clientHeight - 32 : root.__normalHeight;
    window.Plotly.relayout(plot, { height });
  });
}

export default function (component, helpers) {
  ({ loadPlotly, decode } = helpers);
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".still-chart");
  if (!root) return;
  const payload = decode(data);
  if (!payload || root.__version === payload.v) return;
  root.__version = payload.v;
  const plot = root.querySelector(".still-plot");
  const current = () => root.__version === payload.v;
  listenForFullScreen(root, plot);
  loadPlotly(payload.plotly)
    .then((Plotly) => {
      if (!current()) return null;
      const { data: traces, layout, frames } = payload.figure;
      const config = {
        ...payload.config,
        modeBarButtonsToAdd: [
          { name: "Full screen", icon: FULL_SCREEN_ICON, click: () => fullScreen(root) },
        ],
      };
      const shown = document.fullscreenElement === root
        ? { ...layout, height: root.clientHeight - 32 } : layout;
      return Plotly.react(plot, { data: traces, layout: shown, frames, config });
    })
    .then(() => {
      if (!current()) return;
      // As st.plotly_chart does: a figure (its toolbar's buttons are inside) named
      // by the view's sentence.
      root.setAttribute("role", "figure");
      root.setAttribute("aria-label", payload.alt || "");
      delete root.dataset.error;
      root.querySelector(".still-error").hidden = true;
      root.dataset.ready = payload.v;
    })
    .catch((error) => {
      if (!current()) return;
      root.dataset.error = String(error);
      const note = root.querySelector(".still-error");
      note.textContent = "The chart could not be drawn: " + error.message;
      note.hidden = false;
    });
}
