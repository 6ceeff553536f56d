// Autosave for an assessment attempt: every change is sent to the API at once, so nothing is lost on a
// reload, a crash or a closed tab. The form still works without this script (Save answers / Submit).
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form) return;
  var api = form.dataset.api;
  var status = document.getElementById("save-status");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var pending = {};
  var timer = null;
  var inFlight = false;
  var submitting = false;

  function say(text) { if (status) status.textContent = text; }

  // Each question's input template says what shape its answer has (data-response), so a new question
  // type that reuses one of these shapes needs nothing here.
  var readers = {
    choice: function (box) {
      var checked = box.querySelector("input[type=radio]:checked");
      return checked ? checked.value : null;
    },
    choices: function (box) {
      return Array.prototype.map.call(box.querySelectorAll("input[type=checkbox]:checked"), function (i) { return i.value; });
    },
    order: function (box) {
      var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-step]"));
      selects.sort(function (a, b) { return Number(a.value) - Number(b.value); });
      return selects.map(function (s) { return s.dataset.step; });
    },
    text: function (box) { return box.querySelector("textarea, input[type=text]").value; }
  };

  function responseOf(item) {
    var box = item.querySelector("[data-response]");
    return readers[box.dataset.response](box);
  }

  function flush() {
    timer = null;
    if (submitting || inFlight || !Object.keys(pending).length) return;
    var answers = pending; pending = {};
    inFlight = true;
    say("Saving…");
    fetch(api, {
      method: "PATCH", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
      body: JSON.stringify({ answers: answers })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      inFlight = false;
      if (res.ok) {
        say("All answers saved at " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".");
      } else if (res.body.code === "time_up" || res.body.code === "attempt_closed") {
        say(res.body.detail);
        window.location.reload();
        return;
      } else {
        say("Not saved: " + res.body.detail);
      }
      if (Object.keys(pending).length) schedule();
    }).catch(function () {
      inFlight = false;
      // Keep the answers and try again: a dropped connection must not lose anything.
      for (var k in answers) if (!(k in pending)) pending[k] = answers[k];
      say("Not saved yet: no connection. Trying again…");
      setTimeout(schedule, 3000);
    });
  }

  function schedule(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay === undefined ? 300 : delay);
  }

  function changed(event, delay) {
    var item = event.target.closest("[data-question]");
    if (!item) return;
    if (event.target.matches("[data-response=order] select[data-step]")) swapPositions(item, event.target);
    pending[item.dataset.question] = responseOf(item);
    schedule(delay);
  }

  // Choosing a position already taken swaps the two steps, so the order is always complete.
  function swapPositions(item, select) {
    var previous = select.dataset.previous;
    item.querySelectorAll("select[data-step]").forEach(function (other) {
      if (other !== select && other.value === select.value && previous) other.value = previous;
      other.dataset.previous = other.value;
    });
  }
  form.querySelectorAll("select[data-step]").forEach(function (s) { s.dataset.previous = s.value; });

  form.addEventListener("change", function (e) { changed(e, 150); });
  // Typing saves a little later, once the learner pauses.
  form.addEventListener("input", function (e) { if (e.target.closest("[data-response=text]")) changed(e, 800); });

  var submit = document.getElementById("submit-attempt");
  if (submit) {
    submit.addEventListener("click", function (e) {
      if (!window.confirm(submit.dataset.confirm)) { e.preventDefault(); return; }
      // The form carries every answer; stop autosaving so nothing races the submission.
      submitting = true;
    });
  }

  var clock = document.getElementById("timer");
  if (clock) {
    var expires = new Date(clock.dataset.expires).getTime();
    var out = document.getElementById("timer-value");
    var tick = function () {
      var left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      if (left === 60) say("One minute left. Your answers are saved.");
      if (left === 0) {
        // Time is up: send what is on the page (the server allows a short grace) and submit it.
        say("Time is up. Submitting your answers…");
        submitting = true;
        form.action = submit.getAttribute("formaction");
        form.submit();
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
