// Compare up to four tools: once four are ticked, the other boxes wait until one is unticked.
// Without this file the compare page says the same and keeps the selection to untick.
(function () {
  "use strict";
  function boxesOf(form) {
    return Array.prototype.filter.call(
      document.querySelectorAll('input[type="checkbox"][name="tools"]'),
      function (box) { return box.form === form; }
    );
  }
  function update(form) {
    var max = parseInt(form.getAttribute("data-compare-max"), 10) || 4;
    var boxes = boxesOf(form);
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    boxes.forEach(function (box) { if (!box.checked) { box.disabled = ticked >= max; } });
    var status = form.querySelector("[data-compare-status]");
    if (status) {
      if (!status.hasAttribute("data-compare-hint")) {
        status.setAttribute("data-compare-hint", status.textContent);
      }
      var full = status.getAttribute("data-compare-full");
      status.textContent = ticked === max && full ? full : status.getAttribute("data-compare-hint");
    }
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box && box.name === "tools" && box.form && box.form.hasAttribute("data-compare-max")) {
      update(box.form);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-compare-max]").forEach(update);
  });
})();
