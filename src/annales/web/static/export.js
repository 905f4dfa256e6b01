/* The self-contained export: all items are in the page; vis-timeline clusters them when dense. */
(function () {
  "use strict";
  const T = window.AnnalesTimeline;
  const data = JSON.parse(document.getElementById("annales-data").textContent);
  const titles = {};
  for (const d of data.documents) titles[d.id] = d.title;
  document.getElementById("version").textContent = data.version;
  const items = new vis.DataSet();
  const groups = new vis.DataSet(
    data.documents.length > 1 ? data.documents.map(d => ({ id: d.id, label: d.title, content: "" })) : []
  );
  const opts = {
    template: T.itemTemplate, groupTemplate: T.groupTemplate, format: T.axisFormat(),
    stack: true, maxHeight: 560, minHeight: 380, zoomMin: 86400000 * 2, showTooltips: false,
    showCurrentTime: false,
    orientation: { axis: "top", item: "top" },
    cluster: { maxItems: 4, titleTemplate: "{count} items: zoom in", showStipes: true },
  };
  const timeline = data.documents.length > 1
    ? new vis.Timeline(document.getElementById("timeline"), items, groups, opts)
    : new vis.Timeline(document.getElementById("timeline"), items, opts);
  const single = data.documents.length <= 1;
  const byKey = {};
  for (const it of data.items) byKey[it.key] = it;

  function matches(it, words) {
    if (!words.length) return true;
    const hay = (it.headline + " " + it.sentence + " " + it.display).toLowerCase();
    return words.every(w => hay.includes(w));
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

  function refresh() {
    const words = document.getElementById("filter").value.toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = data.items.filter(it => matches(it, words));
    items.clear();
    items.add(chosen.map(it => {
      const v = T.visItem(it);
      if (single) delete v.group;
      return v;
    }));
    document.getElementById("status").textContent = chosen.length.toLocaleString() + " of " +
      data.items.length.toLocaleString() + " events and dates";
    const list = document.getElementById("list");
    list.textContent = "";
    document.getElementById("count").textContent = chosen.length > 500 ? "first 500 of " + chosen.length : String(chosen.length);
    for (const it of chosen.slice(0, 500)) {
      const li = document.createElement("li");
      const when = document.createElement("span");
      when.className = "when";
      when.textContent = it.display;
      const a = document.createElement("a");
      a.href = "#";
      a.textContent = it.headline;
      a.addEventListener("click", function (e) { e.preventDefault(); show(it); timeline.setSelection([it.key], { focus: true }); });
      const snip = document.createElement("div");
      snip.className = "snippet";
      snip.appendChild(T.markedSentence(it.sentence, it.marks));
      li.append(when, a, snip);
      list.appendChild(li);
    }
    if (chosen.length) timeline.fit({ animation: false });
  }

  timeline.on("select", function (props) {
    const it = props.items.length ? byKey[props.items[0]] : null;
    if (it) show(it);
  });
  document.getElementById("filter").addEventListener("input", function () {
    clearTimeout(this._t);
    this._t = setTimeout(refresh, 200);
  });
  window.annalesTimeline = timeline;
  refresh();
})();
