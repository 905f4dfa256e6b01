/* Reader: bring the focused sentence into view; arrow keys move to the previous/next event. */
(function () {
  "use strict";
  const focus = document.querySelector(".source .focus");
  if (focus) focus.scrollIntoView({ block: "center" });
  document.addEventListener("keydown", function (e) {
    if (e.target && (e.target.tagName === "INPUT" || e.target.tagName === "TEXTAREA")) return;
    const id = e.key === "ArrowLeft" ? "prev-event" : e.key === "ArrowRight" ? "next-event" : null;
    const link = id && document.getElementById(id);
    if (link) window.location.href = link.getAttribute("href");
  });
})();
