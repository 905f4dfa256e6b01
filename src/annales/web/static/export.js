/* The self-contained export: every item is in the page, but like the server the timeline only
 * draws the visible window, as clusters when it holds more than MAX_ITEMS. */
(function () {
  "use strict";
  const T = window.AnnalesTimeline;
  const MAX_ITEMS = 400, BUCKETS = 48, DAY = 86400000;
  const data = JSON.parse(document.getElementById("annales-data").textContent);
  const titles = {};
  for (const d of data.documents) titles[d.id] = d.title;
  document.getElementById("version").textContent = data.version;
  const multi = data.documents.length > 1;

  for (const it of data.items) {
    it.t0 = T.makeDate(it.first, false).getTime();
    it.t1 = T.makeDate(it.last, true).getTime();
  }
  data.items.sort((a, b) => a.t0 - b.t0);
  const byKey = {};
  for (const it of data.items) byKey[it.key] = it;

  const items = new vis.DataSet();
  const groups = new vis.DataSet(multi ? data.documents.map(d => ({ id: d.id, label: d.title, content: "" })) : []);
  const opts = {
    template: T.itemTemplate, groupTemplate: T.groupTemplate, format: T.axisFormat(),
    stack: true, maxHeight: 560, minHeight: 380, zoomMin: DAY * 2, showTooltips: false,
    showCurrentTime: false, orientation: { axis: "top", item: "top" },
  };
  const el = document.getElementById("timeline");
  const timeline = multi ? new vis.Timeline(el, items, groups, opts) : new vis.Timeline(el, items, opts);
  let chosen = data.items;

  function matches(it, words) {
    if (!words.length) return true;
    const hay = (it.headline + " " + it.sentence + " " + it.display).toLowerCase();
    return words.every(w => hay.includes(w));
  }

  function lowerBound(arr, t) {
    let lo = 0, hi = arr.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid].t0 < t) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function draw() {
    const win = timeline.getWindow();
    const s = win.start.getTime(), e = win.end.getTime(), span = e - s;
    const inView = chosen.slice(lowerBound(chosen, s - span), lowerBound(chosen, e));
    const shown = [];
    if (inView.length > MAX_ITEMS) {
      const width = (e - (s - span)) / (2 * BUCKETS), cells = {};
      for (const it of inView) {
        const b = Math.floor((it.t0 - (s - span)) / width), g = multi ? it.group : "";
        const k = g + "|" + b;
        (cells[k] = cells[k] || { b: b, group: g, count: 0 }).count++;
      }
      for (const k in cells) {
        const c = cells[k], a = new Date(s - span + c.b * width), z = new Date(s - span + (c.b + 1) * width - DAY);
        const it = { key: "c:" + k, cluster: true, kind: "cluster", count: c.count, first: T.toYmd(a),
          last: T.toYmd(z < a ? a : z), label: c.count + " events and dates: zoom in" };
        if (multi) it.group = c.group;
        shown.push(it);
      }
    } else {
      for (const it of inView) shown.push(it);
    }
    items.clear();
    items.add(shown.map(it => { const v = T.visItem(it); if (!multi) delete v.group; return v; }));
  }

  /** Open on the shortest stretch holding 60% of the items, widened by half its length,
   * so a few stray dates do not squeeze the busy years (as the server does). */
  function focusOf(list) {
    const n = list.length, w = Math.max(1, Math.ceil(0.6 * n));
    if (w >= n) return [list[0].t0, list[n - 1].t1];
    let best = 0, bestSpan = Infinity;
    for (let i = 0; i + w - 1 < n; i++) {
      const span = list[i + w - 1].t0 - list[i].t0;
      if (span < bestSpan) { bestSpan = span; best = i; }
    }
    const a = list[best].t0, b = list[best + w - 1].t0, pad = Math.max((b - a) / 2, 7 * DAY);
    return [Math.max(a - pad, list[0].t0), Math.min(b + pad, list[n - 1].t1)];
  }

  function show(it) {
    document.getElementById("detail").hidden = false;
    document.getElementById("detail-date").textContent = it.display;
    document.getElementById("detail-head").textContent = it.headline;
    const s = document.getElementById("detail-sentence");
    s.textContent = "";
    s.appendChild(T.markedSentence(it.sentence, it.marks));
    document.getElementById("detail-doc").textContent = titles[it.doc_id] || "";
  }

  function refresh(fit) {
    const words = document.getElementById("filter").value.toLowerCase().split(/\s+/).filter(Boolean);
    chosen = data.items.filter(it => matches(it, words));
    document.getElementById("status").textContent = chosen.length.toLocaleString() + " of " +
      data.items.length.toLocaleString() + " events and dates";
    const list = document.getElementById("list");
    list.textContent = "";
    document.getElementById("count").textContent =
      chosen.length > 500 ? "first 500 of " + chosen.length.toLocaleString() : String(chosen.length);
    for (const it of chosen.slice(0, 500)) {
      const li = document.createElement("li");
      const when = document.createElement("span");
      when.className = "when";
      when.textContent = it.display;
      const a = document.createElement("a");
      a.href = "#";
      a.textContent = it.headline;
      a.addEventListener("click", function (e) {
        e.preventDefault();
        show(it);
        timeline.moveTo(new Date(it.t0));
      });
      const snip = document.createElement("div");
      snip.className = "snippet";
      snip.appendChild(T.markedSentence(it.sentence, it.marks));
      li.append(when, a, snip);
      list.appendChild(li);
    }
    if (fit && chosen.length) {
      const [a, b] = focusOf(chosen);
      const pad = Math.max((b - a) * 0.04, DAY * 3);
      timeline.setWindow(new Date(a - pad), new Date(b + pad * 4), { animation: false });
    }
    draw();
  }

  let timer = null;
  timeline.on("rangechanged", function () { clearTimeout(timer); timer = setTimeout(draw, 100); });
  timeline.on("select", function (props) {
    const v = props.items.length ? items.get(props.items[0]) : null;
    const it = v && v.annales;
    if (!it) return;
    if (it.cluster) timeline.setWindow(T.makeDate(it.first, false), T.makeDate(it.last, true));
    else show(byKey[it.key] || it);
  });
  document.getElementById("filter").addEventListener("input", function () {
    clearTimeout(this._t);
    this._t = setTimeout(() => refresh(true), 200);
  });
  window.annalesTimeline = timeline;
  refresh(true);
})();
