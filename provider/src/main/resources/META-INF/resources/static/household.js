// A household's page: power (live over server-sent events), per-phase power, energy per day and gas,
// drawn by uPlot from the dashboard's JSON. No inline script: the page's CSP allows only our files.
(function () {
  "use strict";
  const card = document.getElementById("household");
  const root = card.dataset.root;
  const base = "/dashboard/households/" + root;
  const MAX_POINTS = 3600;
  const width = () => Math.max(280, card.clientWidth - 48);
  const fmt = (v) => (v == null ? "–" : v.toFixed(3));

  function chart(el, series, data, opts) {
    return new uPlot(Object.assign({ width: width(), height: 240, series: series, scales: { x: { time: true } } }, opts || {}), data, el);
  }

  // Readings come a second or more apart: ticks in whole seconds and wall-clock times, never "…:14.500".
  const clock = (t) => new Date(t * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const LIVE = {
    axes: [{ incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400], space: 90,
             values: (u, splits) => splits.map(clock) }, {}],
  };
  const liveChart = (el, series, data) => chart(el, [{ value: (u, v) => (v == null ? "–" : clock(v)) }].concat(series), data, LIVE);

  function powerData(points) {
    return [points.map((p) => p.epochMillis / 1000), points.map((p) => p.importKw), points.map((p) => p.exportKw)];
  }

  function phaseData(points) {
    const d = [points.map((p) => p.epochMillis / 1000)];
    for (let i = 0; i < 3; i++) d.push(points.map((p) => (p.phaseImportKw.length > i ? p.phaseImportKw[i] : null)));
    return d;
  }

  function gasData(points) {
    const withGas = points.filter((p) => p.gasM3 != null);
    return [withGas.map((p) => p.epochMillis / 1000), withGas.map((p) => p.gasM3)];
  }

  let points = [];
  let power, phases, gas;

  function redraw() {
    document.getElementById("power-empty").hidden = points.length > 0;
    power.setData(powerData(points));
    const last = points[points.length - 1];
    document.getElementById("now-import").textContent = last ? fmt(last.importKw) : "–";
    document.getElementById("now-export").textContent = last ? fmt(last.exportKw) : "–";
    if (points.some((p) => p.phaseImportKw.length > 0)) {
      document.getElementById("phases-card").hidden = false;
      if (!phases) phases = liveChart(document.getElementById("phase-chart"),
        [{ label: "L1 kW", stroke: "#1f7a5a" }, { label: "L2 kW", stroke: "#c27c0e" }, { label: "L3 kW", stroke: "#3b5bdb" }], phaseData(points));
      else phases.setData(phaseData(points));
    }
    if (points.some((p) => p.gasM3 != null)) {
      document.getElementById("gas-card").hidden = false;
      if (!gas) gas = liveChart(document.getElementById("gas-chart"), [{ label: "Gas total m³", stroke: "#b3261e" }], gasData(points));
      else gas.setData(gasData(points));
    }
  }

  function live() {
    const state = document.getElementById("live-state");
    const after = points.length ? points[points.length - 1].epochMillis : Date.now() - 3600 * 1000;
    const source = new EventSource(base + "/live?after=" + after);
    source.onopen = () => { state.textContent = "live"; state.className = "live on"; };
    source.onerror = () => { state.textContent = "reconnecting…"; state.className = "live"; };
    source.onmessage = (e) => {
      const p = JSON.parse(e.data);
      if (points.length && p.epochMillis <= points[points.length - 1].epochMillis) return;
      points.push(p);
      if (points.length > MAX_POINTS) points.shift();
      redraw();
      card.dataset.points = String(points.length);
    };
  }

  function days(list) {
    chart(document.getElementById("days-chart"),
      [{ value: (u, v) => new Date(v * 1000).toLocaleDateString() },
       { label: "Import kWh", stroke: "#1f7a5a", fill: "rgba(31,122,90,.35)", paths: uPlot.paths.bars({ size: [0.4, 40] }) },
       { label: "Export kWh", stroke: "#c27c0e", fill: "rgba(194,124,14,.35)", paths: uPlot.paths.bars({ size: [0.4, 40] }) }],
      [list.map((d) => Date.parse(d.day + "T12:00:00") / 1000), list.map((d) => d.importKwh), list.map((d) => d.exportKwh)]);
    const body = document.querySelector("#days-table tbody");
    list.slice().reverse().forEach((d) => {
      const tr = document.createElement("tr");
      [d.day, d.importKwh.toFixed(2), d.exportKwh.toFixed(2), d.gasM3 == null ? "–" : d.gasM3.toFixed(2)].forEach((v) => {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  fetch(base + "/power?minutes=60").then((r) => r.json()).then((list) => {
    points = list;
    power = liveChart(document.getElementById("power-chart"),
      [{ label: "Import kW", stroke: "#1f7a5a", width: 2 }, { label: "Export kW", stroke: "#c27c0e", width: 2 }], powerData(points));
    redraw();
    card.dataset.points = String(points.length);
    live();
  });
  fetch(base + "/days?days=14").then((r) => r.json()).then(days);
})();
