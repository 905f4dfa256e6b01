/* annales timeline page: asks the server for the visible window only (items, or clusters when
 * there are too many), so 50,000 events never become 50,000 DOM nodes. */
(function () {
  "use strict";
  const T = window.AnnalesTimeline;
  const form = document.getElementById("filters");
  const statusEl = document.getElementById("status");
  const errorEl = document.getElementById("error");
  const listEl = document.getElementById("inview");
  const countEl = document.getElementById("inview-count");
  const FIELDS = ["who", "where", "word", "from", "to", "cal", "document", "group", "entity"];
  const DAY = 86400000;

  // Filters live in the URL so a view can be bookmarked and shared.
  const url = new URL(window.location.href);
  for (const name of FIELDS) {
    const v = url.searchParams.get(name);
    if (v !== null && form.elements[name]) form.elements[name].value = v;
  }
  let entityFilter = url.searchParams.get("entity");
  const chip = document.getElementById("entity-chip");

  /** Show which entity the view is narrowed to (its name fetched, put in as text). */
  async function showEntity() {
    chip.hidden = !entityFilter;
    if (!entityFilter) return;
    const [doc, id] = entityFilter.split(":");
    const res = await fetch("/api/entities/" + encodeURIComponent(doc) + "/" + encodeURIComponent(id || ""));
    document.getElementById("entity-name").textContent = res.ok ? (await res.json()).name : entityFilter;
  }
  document.getElementById("entity-clear").addEventListener("click", function (e) {
    e.preventDefault();
    entityFilter = null;
    showEntity();
    history.replaceState(null, "", "/?" + filterParams().toString());
    loadAll();
  });

  function filterParams() {
    const p = new URLSearchParams();
    for (const name of FIELDS) {
      const el = form.elements[name];
      const v = el ? el.value.trim() : (name === "entity" ? entityFilter : "");
      if (v) p.set(name, v);
    }
    return p;
  }

  const items = new vis.DataSet();
  const groups = new vis.DataSet();
  const timeline = new vis.Timeline(document.getElementById("timeline"), items, groups, {
    template: T.itemTemplate,
    groupTemplate: T.groupTemplate,
    format: T.axisFormat(),
    stack: true,
    maxHeight: 560,
    minHeight: 420,
    zoomMin: DAY * 2,
    zoomMax: DAY * 365.25 * 6000,
    showTooltips: false,
    showCurrentTime: false,
    orientation: { axis: "top", item: "top" },
    margin: { item: { horizontal: 4, vertical: 6 } },
  });

  let seq = 0;
  let timer = null;

  function showError(msg) {
    errorEl.hidden = !msg;
    errorEl.textContent = msg || "";
  }

  async function fetchJson(params) {
    const res = await fetch("/api/timeline?" + params.toString(), { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || ("HTTP " + res.status));
    return body;
  }

  function render(data) {
    const gs = data.groups || [];
    groups.clear();
    groups.add(gs.map(g => ({ id: g.id, label: g.label, content: "" })));
    items.clear();
    items.add(data.items.map(T.visItem));
    const shown = data.mode === "clusters" ? (data.preview || []) : data.items.filter(it => !it.cluster);
    const win = timeline.getWindow();
    const range = T.yearLabel(win.start.getFullYear()) + " – " + T.yearLabel(win.end.getFullYear());
    const what = data.count === 1 ? " event or date in view (" : " events and dates in view (";
    statusEl.textContent = data.count.toLocaleString() + what + range + ")" +
      (data.mode === "clusters" ? ", shown as clusters: zoom in or filter" : "");
    renderList(shown, data);
  }

  function renderList(shown, data) {
    listEl.textContent = "";
    countEl.textContent = data.mode === "clusters"
      ? "the first " + shown.length + " events of " + data.count.toLocaleString() + ": zoom in or filter for the rest"
      : shown.length + " shown";
    const seen = new Set();
    for (const it of shown.slice(0, 300)) {
      const k = it.kind + it.doc_id + it.id;
      if (seen.has(k)) continue;
      seen.add(k);
      const li = document.createElement("li");
      const when = document.createElement("span");
      when.className = "when";
      when.textContent = it.display;
      const a = document.createElement("a");
      a.href = hrefOf(it);
      a.className = it.kind === "event" ? "ann-list-event" : "ann-list-timex";
      a.textContent = it.headline;
      li.append(when, a);
      if (it.date_source === "narrative") {
        const b = document.createElement("span");
        b.className = "badge";
        b.title = "date inherited from the narrative";
        b.textContent = "narrative";
        li.append(" ", b);
      }
      if (it.sentence) {
        const s = document.createElement("div");
        s.className = "snippet";
        s.textContent = it.sentence;
        li.appendChild(s);
      }
      listEl.appendChild(li);
    }
  }

  function hrefOf(it) {
    const kind = it.kind === "event" ? "event" : "timex";
    return "/documents/" + encodeURIComponent(it.doc_id) + "?" + kind + "=" + encodeURIComponent(it.id);
  }

  async function loadWindow() {
    const my = ++seq;
    const win = timeline.getWindow();
    const p = filterParams();
    p.set("start", T.isoOf(win.start));
    p.set("end", T.isoOf(new Date(win.end.getTime() + DAY)));
    try {
      const data = await fetchJson(p);
      if (my !== seq) return;
      showError("");
      render(data);
    } catch (err) {
      if (my === seq) showError(err.message);
    }
  }

  async function loadAll() {
    const my = ++seq;
    statusEl.textContent = "Loading…";
    try {
      const p = filterParams();
      p.set("extent", "1");
      const data = await fetchJson(p);
      if (my !== seq) return;
      showError("");
      if (!data.extent) {
        items.clear();
        groups.clear();
        statusEl.textContent = "Nothing matches these filters.";
        listEl.textContent = "";
        countEl.textContent = "";
        return;
      }
      const view = data.focus || data.extent;
      const a = T.makeDate(view[0], false), b = T.makeDate(view[1], true);
      const pad = Math.max((b - a) * 0.04, DAY * 3);
      // labels run to the right of their dot: leave them room at the end
      timeline.setWindow(new Date(a.getTime() - pad), new Date(b.getTime() + pad * 4), { animation: false });
      render(data);
    } catch (err) {
      if (my === seq) { showError(err.message); statusEl.textContent = ""; }
    }
  }

  timeline.on("rangechanged", function () {
    clearTimeout(timer);
    timer = setTimeout(loadWindow, 150);
  });

  timeline.on("select", function (props) {
    if (!props.items.length) return;
    const vi = items.get(props.items[0]);
    const it = vi && vi.annales;
    if (!it) return;
    if (it.cluster) {
      timeline.setWindow(T.makeDate(it.first, false), T.makeDate(it.last, true));
      return;
    }
    window.location.href = hrefOf(it);
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const p = filterParams();
    history.replaceState(null, "", "/?" + p.toString());
    loadAll();
  });
  form.addEventListener("reset", function () {
    entityFilter = null;
    showEntity();
    setTimeout(function () { history.replaceState(null, "", "/"); loadAll(); }, 0);
  });

  window.annalesTimeline = timeline; // for tests and power users
  showEntity();
  loadAll();
})();
