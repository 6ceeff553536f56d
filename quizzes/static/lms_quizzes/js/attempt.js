// Autosave for an assessment attempt: every change is sent to the API at once, so nothing is lost on a
// reload, a crash or a closed tab. Sequencing steps can be dragged or moved with buttons here. The form
// still works without this script (position <select>s, Save answers / Submit).
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form) return;
  var api = form.dataset.api;
  var status = document.getElementById("save-status");
  var live = document.getElementById("save-announce");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var pending = {};
  var timer = null;
  var inFlight = false;
  var submitting = false;

  // The page's words, in its language (data-msg-* on the form); {name} marks a value filled in here.
  function msg(name, values) {
    var text = form.dataset[name] || "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(values[key]); });
    return text;
  }

  // Show what autosave is doing; tell screen readers (politely) only when ``heard`` differs from what
  // they last heard, so saving every few seconds is not read out every few seconds.
  var lastHeard = "";
  function say(text, heard) {
    if (status && status.textContent !== text) status.textContent = text;
    if (heard === undefined) heard = text;
    if (live && heard && heard !== lastHeard) {
      lastHeard = heard;
      live.textContent = heard;
    }
  }

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
    // The steps in the order the list shows them; nothing until the learner has arranged them, because
    // an untouched list is unanswered, not an answer in the shuffled order.
    order: function (box) {
      if (box.dataset.arranged !== "1") return null;
      return steps(box).map(function (li) { return li.dataset.stepItem; });
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
    say(msg("msgSaving"), "");  // shown, not read out: the outcome is
    fetch(api, {
      method: "PATCH", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
      body: JSON.stringify({ answers: answers })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      inFlight = false;
      if (res.ok) {
        var time = new Date().toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit" });
        say(msg("msgSavedAt", { time: time }), msg("msgSaved"));
      } else if (res.body.code === "time_up" || res.body.code === "attempt_closed") {
        say(res.body.detail);
        window.location.reload();
        return;
      } else {
        say(msg("msgNotSaved", { detail: res.body.detail }));
      }
      if (Object.keys(pending).length) schedule();
    }).catch(function () {
      inFlight = false;
      // Keep the answers and try again: a dropped connection must not lose anything.
      for (var k in answers) if (!(k in pending)) pending[k] = answers[k];
      say(msg("msgOffline"));
      setTimeout(schedule, 3000);
    });
  }

  function schedule(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay === undefined ? 300 : delay);
  }

  function save(item, delay) {
    var response = responseOf(item);
    if (response === null) return;
    pending[item.dataset.question] = response;
    schedule(delay);
  }

  function changed(event, delay) {
    var item = event.target.closest("[data-question]");
    if (!item) return;
    var select = event.target.closest("[data-response=order] select[data-step]");
    if (select) {
      if (select.value) placeAt(select.closest("[data-step-item]"), Number(select.value), select);
      return;
    }
    save(item, delay);
  }

  // Sequencing: the list always shows the current order. A step moves by its drag handle, its Move up /
  // Move down buttons or its position <select>; the other steps close up around it, every step is
  // numbered, the move is announced and the order (a list of step ids) is saved. Without this script
  // the learner numbers each step's <select> and the form posts the positions.
  function steps(box) {
    return Array.prototype.slice.call(box.querySelectorAll("[data-step-item]"));
  }

  // The first step cannot go up nor the last down; the buttons stay focusable and say so when pressed.
  function markEnds(box) {
    var all = steps(box);
    all.forEach(function (step, i) {
      step.querySelector("[data-move=up]").setAttribute("aria-disabled", i === 0 ? "true" : "false");
      step.querySelector("[data-move=down]").setAttribute("aria-disabled", i === all.length - 1 ? "true" : "false");
    });
  }

  // After any move: number every step in the order shown, mark the question answered, say where the
  // step went and save the order.
  function arranged(li) {
    var box = li.closest("[data-response=order]");
    var all = steps(box);
    box.dataset.arranged = "1";
    all.forEach(function (step, i) {
      var select = step.querySelector("select[data-step]");
      var blank = select.querySelector("option[value='']");
      if (blank) blank.remove();
      select.value = String(i + 1);
    });
    markEnds(box);
    var state = box.querySelector("[data-sequence-state]");
    if (state) state.textContent = msg("msgArranged");
    announce(box, msg("msgMoved", { position: all.indexOf(li) + 1, total: all.length }));
    li.classList.remove("is-moved");
    void li.offsetWidth; // restart the highlight
    li.classList.add("is-moved");
    save(li.closest("[data-question]"), 150);
  }

  function announce(box, text) {
    var region = box.querySelector("[data-sequence-announce]");
    if (!region) return;
    // Cleared first, so the same words twice in a row are read out twice.
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }

  // Put a step at a position (1 first), as a position <select> asks; focus stays on that control.
  function placeAt(li, position, focus) {
    var list = li.parentNode;
    var others = steps(list).filter(function (step) { return step !== li; });
    var index = Math.max(0, Math.min(others.length, position - 1));
    list.insertBefore(li, others[index] || null);
    if (focus && document.activeElement !== focus) focus.focus();
    arranged(li);
  }

  // Move up or down by moving the neighbour instead, so the pressed button keeps the focus.
  function moveBy(li, direction) {
    var list = li.parentNode;
    var neighbour = direction < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!neighbour) {
      announce(li.closest("[data-response=order]"), msg(direction < 0 ? "msgFirst" : "msgLast"));
      return;
    }
    if (direction < 0) list.insertBefore(neighbour, li.nextElementSibling);
    else list.insertBefore(neighbour, li);
    arranged(li);
  }

  function drag(event) {
    var handle = event.target.closest("[data-drag-handle]");
    if (!handle || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    var li = handle.closest("[data-step-item]");
    var list = li.parentNode;
    var start = steps(list).indexOf(li);
    li.classList.add("is-dragging");
    function move(e) {
      var y = e.clientY;
      var before = steps(list).filter(function (step) { return step !== li; }).find(function (step) {
        var r = step.getBoundingClientRect();
        return y < r.top + r.height / 2;
      });
      if (before) { if (li.nextElementSibling !== before) list.insertBefore(li, before); }
      else if (list.lastElementChild !== li) list.appendChild(li);
      // Near the top or bottom of the window, scroll so a long list can be dragged through.
      if (y < 60) window.scrollBy(0, -12);
      else if (y > window.innerHeight - 60) window.scrollBy(0, 12);
    }
    function end() {
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", end);
      document.removeEventListener("pointercancel", end);
      li.classList.remove("is-dragging");
      if (steps(list).indexOf(li) !== start) arranged(li);
    }
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", end);
  }

  form.querySelectorAll("[data-response=order]").forEach(function (box) {
    box.classList.add("sequence--script");
    box.querySelectorAll("[data-drag-handle], [data-moves], [data-sequence-help=script]").forEach(function (el) { el.hidden = false; });
    box.querySelector("[data-sequence-help=static]").hidden = true;
    markEnds(box);
    box.addEventListener("click", function (e) {
      var button = e.target.closest("[data-move]");
      if (button) moveBy(button.closest("[data-step-item]"), button.dataset.move === "up" ? -1 : 1);
    });
    box.addEventListener("pointerdown", drag);
  });

  form.addEventListener("change", function (e) { changed(e, 150); });
  // Typing saves a little later, once the learner pauses.
  form.addEventListener("input", function (e) { if (e.target.closest("[data-response=text]")) changed(e, 800); });

  // How many questions have no answer yet: an empty reply, nothing chosen, steps never arranged.
  function unanswered() {
    return Array.prototype.filter.call(form.querySelectorAll("[data-question]"), function (item) {
      var response = responseOf(item);
      if (response === null) return true;
      if (Array.isArray(response)) return response.length === 0;
      return typeof response === "string" && response.trim() === "";
    }).length;
  }

  // The Submit confirmation says what is still empty, in the page's words (one / many).
  function confirmText() {
    var count = unanswered();
    if (count === 1) return msg("msgUnansweredOne");
    if (count > 1) return msg("msgUnanswered", { count: count });
    return submit.dataset.confirm;
  }

  var submit = document.getElementById("submit-attempt");
  if (submit) {
    submit.addEventListener("click", function (e) {
      if (!window.confirm(confirmText())) { e.preventDefault(); return; }
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
      if (left === 60) say(msg("msgOneMinute"));
      if (left === 0) {
        // Time is up: send what is on the page (the server allows a short grace) and submit it.
        say(msg("msgTimeUp"));
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
