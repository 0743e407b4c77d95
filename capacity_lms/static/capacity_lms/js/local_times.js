// For visitors whose time zone the site does not know: show each session's time in the
// browser's own zone too. Without JavaScript the session's own time is still there.
(function () {
  "use strict";
  var script = document.currentScript;
  var label = script ? script.getAttribute("data-label") : "";
  var browserZone;
  try {
    browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  var language = document.documentElement.lang || undefined;
  var dayAndTime = new Intl.DateTimeFormat(language, {
    weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
    timeZone: browserZone
  });
  var timeOnly = new Intl.DateTimeFormat(language, {
    hour: "2-digit", minute: "2-digit", timeZone: browserZone
  });
  function show() {
    document.querySelectorAll("[data-cl-local-start]").forEach(function (element) {
      if (element.getAttribute("data-cl-zone") === browserZone) {
        return;
      }
      var start = new Date(element.getAttribute("data-cl-local-start"));
      var end = new Date(element.getAttribute("data-cl-local-end"));
      element.textContent = label + " " + dayAndTime.format(start) + "–" +
        timeOnly.format(end) + " (" + browserZone + ")";
      element.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
