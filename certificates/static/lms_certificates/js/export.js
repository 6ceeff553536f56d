// Polls an export's progress every second and shows the download link when it is ready.
// What is seen (#export-state, the bar) follows every poll; what screen readers hear (#export-announce,
// a polite live region) changes only when the export's state does (building, ready, failed), so nobody
// is read a count every second. The bar's aria-valuenow and aria-valuetext carry the count for anyone
// who asks. The words come from the page (data-msg-*), in its language.
(function () {
  "use strict";
  var box = document.getElementById("export");
  if (!box) return;
  var state = document.getElementById("export-state");
  var live = document.getElementById("export-announce");
  var bar = document.getElementById("export-bar");
  var meter = bar.parentNode;
  var link = document.getElementById("export-download");
  var retry = document.getElementById("export-retry");
  var heardState = box.dataset.state;

  function msg(name, values, count) {
    var key = count === undefined ? name : name + (count === 1 ? "One" : "Other");
    var text = box.dataset[key] || "";
    Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function show(el, attr, value) {
    if (attr === "text") { if (el.textContent !== value) el.textContent = value; }
    else if (el.getAttribute(attr) !== String(value)) el.setAttribute(attr, value);
  }
  function announce(newState, text) {
    if (newState === heardState) return;
    heardState = newState;
    live.textContent = text;
  }

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var values = { done: data.done, total: data.total, error: data.error || "" };
        bar.style.width = data.percent + "%";
        show(meter, "aria-valuenow", data.percent);
        show(meter, "aria-valuetext", msg("msgProgress", values, data.total));
        if (data.state === "done") {
          var ready = msg("msgReady", values, data.total);
          show(state, "text", ready);
          announce("done", ready);
          link.hidden = false;
          if (retry) retry.hidden = true;
          return;
        }
        if (data.state === "failed") {
          var failed = msg("msgFailed", values);
          show(state, "text", failed);
          announce("failed", failed);
          if (retry) retry.hidden = false;
          return;
        }
        if (data.state === "running") {
          show(state, "text", msg("msgBuilding", values, data.total));
          announce("running", msg("msgBuilding", {}));
        } else {
          show(state, "text", msg("msgWaiting", {}));
        }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  if (box.dataset.state !== "done" && box.dataset.state !== "failed") poll();
})();
