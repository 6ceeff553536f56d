// Polls an export's progress and shows the download link when it is ready.
(function () {
  "use strict";
  var box = document.getElementById("export");
  if (!box) return;
  var state = document.getElementById("export-state");
  var bar = document.getElementById("export-bar");
  var meter = bar.parentNode;
  var link = document.getElementById("export-download");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        bar.style.width = data.percent + "%";
        meter.setAttribute("aria-valuenow", data.percent);
        if (data.state === "done") {
          state.textContent = "Ready: " + data.total + " certificates.";
          link.hidden = false;
          return;
        }
        if (data.state === "failed") { state.textContent = "The export failed: " + data.error; return; }
        state.textContent = data.state === "running"
          ? "Building… " + data.done + " of " + data.total + " certificates."
          : "Waiting to start…";
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  if (box.dataset.state !== "done" && box.dataset.state !== "failed") poll();
})();
