// Small conveniences for the team page; every control also works without JavaScript.
// Nothing happens when a select changes (WCAG 3.2.2): the person presses a button.
(function () {
  "use strict";
  // "Assign a course": the chosen option holds the assign page's address; the button opens it.
  document.querySelectorAll("form[data-open-chosen]").forEach(function (form) {
    var select = form.querySelector("select");
    var button = form.querySelector("button[type=submit]");
    button.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (select.value) { window.location.assign(select.value); }
    });
  });
})();
