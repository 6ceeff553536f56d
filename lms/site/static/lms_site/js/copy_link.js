// "Copy link" beside a read-only link field: shown only where the clipboard can be written; without
// JavaScript the field itself is there to select and copy.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-copied]");
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          if (status) status.textContent = button.getAttribute("data-done") || "";
        },
        function () {
          field.select();
        }
      );
    });
  });
})();
