/* annales timeline core: shared by the served app and the self-contained HTML export.
 * Data from documents is only ever put into the page with textContent / DOM nodes,
 * never as HTML, so a document containing markup is shown as text. */
(function (root) {
  "use strict";

  /** A local Date for an astronomical (y, m, d); setFullYear keeps years < 100 and BC right. */
  function makeDate(ymd, endOfDay) {
    const d = new Date(2000, 0, 1, 0, 0, 0, 0);
    d.setFullYear(ymd[0], ymd[1] - 1, ymd[2]);
    if (endOfDay) d.setHours(23, 59, 59, 0);
    return d;
  }

  /** Astronomical year → reader's year (0 → "1 BC", -43 → "44 BC"). */
  function yearLabel(y) {
    return y > 0 ? String(y) : (1 - y) + " BC";
  }

  /** A Date → [y, m, d] (astronomical year). */
  function toYmd(date) {
    return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  }

  function isoOf(date) {
    const [y, m, d] = toYmd(date);
    const ys = y < 0 ? "-" + String(-y).padStart(4, "0") : String(y).padStart(4, "0");
    return ys + "-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0");
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /** Axis labels that print BC years as historians do (vis/moment print "-0043"). */
  function axisFormat() {
    const minor = function (date, scale) {
      const d = date.toDate ? date.toDate() : new Date(date);
      switch (scale) {
        case "year": return yearLabel(d.getFullYear());
        case "month": return MONTHS[d.getMonth()];
        case "week": case "day": case "weekday": return String(d.getDate());
        case "hour": return String(d.getHours()).padStart(2, "0") + ":00";
        case "minute": case "second": case "millisecond":
          return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
        default: return yearLabel(d.getFullYear());
      }
    };
    const major = function (date, scale) {
      const d = date.toDate ? date.toDate() : new Date(date);
      switch (scale) {
        case "year": return "";
        case "month": return yearLabel(d.getFullYear());
        case "week": case "day": case "weekday": return MONTHS[d.getMonth()] + " " + yearLabel(d.getFullYear());
        default: return d.getDate() + " " + MONTHS[d.getMonth()] + " " + yearLabel(d.getFullYear());
      }
    };
    return { minorLabels: minor, majorLabels: major };
  }

  /** Timeline item content as DOM (vis-timeline would otherwise parse strings as HTML). */
  function itemTemplate(visData) {
    const item = (visData && visData.annales) || visData || {};
    const box = document.createElement("div");
    box.className = "ann-item-body";
    if (item.cluster) {
      const n = document.createElement("strong");
      n.textContent = item.count >= 10000 ? Math.round(item.count / 1000) + "k" : item.count.toLocaleString();
      box.appendChild(n);
      box.title = item.label || "";
      return box;
    }
    const head = document.createElement("span");
    head.className = "ann-item-head";
    head.textContent = item.headline || "";
    box.appendChild(head);
    if (item.display) {
      const dt = document.createElement("span");
      dt.className = "ann-item-date";
      dt.textContent = item.display;
      box.appendChild(dt);
    }
    box.title = (item.display ? item.display + "\n" : "") + (item.sentence || item.headline || "");
    return box;
  }

  function groupTemplate(group) {
    const el = document.createElement("span");
    el.textContent = group ? (group.label || group.id || "") : "";
    el.title = el.textContent;
    return el;
  }

  /** vis item from an annales item: points for single days, ranges for fuzzy dates. */
  function visItem(it) {
    const range = it.first.join() !== it.last.join();
    const out = {
      id: it.key,
      start: makeDate(it.first, false),
      type: it.cluster ? "range" : (range ? "range" : "point"),
      className: (it.cluster ? "ann-cluster" : "ann-" + it.kind) + (range ? " ann-fuzzy" : "") +
        (it.date_source === "narrative" ? " ann-narrative" : ""),
      annales: it,
    };
    if (range || it.cluster) out.end = makeDate(it.last, true);
    if (it.group !== undefined && it.group !== null) out.group = it.group;
    return out;
  }

  /** A sentence with marked spans, built from text nodes (offsets relative to the sentence). */
  function markedSentence(text, marks) {
    const frag = document.createDocumentFragment();
    const sorted = (marks || []).filter(m => m.start < m.end).sort((a, b) => a.start - b.start);
    let pos = 0;
    for (const m of sorted) {
      if (m.start < pos) continue;
      frag.appendChild(document.createTextNode(text.slice(pos, m.start)));
      const mark = document.createElement("mark");
      mark.className = "hl-" + m.role;
      mark.textContent = text.slice(m.start, m.end);
      frag.appendChild(mark);
      pos = m.end;
    }
    frag.appendChild(document.createTextNode(text.slice(pos)));
    return frag;
  }

  root.AnnalesTimeline = {
    makeDate, yearLabel, toYmd, isoOf, axisFormat, itemTemplate, groupTemplate, visItem,
    markedSentence,
  };
})(window);
