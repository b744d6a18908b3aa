// Shared by the page's charts drawn with the small Plotly (ui/live_chart.py,
// ui/still_chart.py): each component's inline script is this text, then an import
// of its module (static/<name>.js) that gets these helpers (ui/small_plotly.py).
// Plotly comes once per page from Streamlit's static serving, never a CDN.

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

function decode(data) {
  if (data instanceof Uint8Array || data instanceof ArrayBuffer) {
    return JSON.parse(new TextDecoder().decode(data));
  }
  return typeof data === "string" ? JSON.parse(data) : data;
}

