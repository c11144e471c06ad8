// Break reminders: after N minutes of activity in the hub (N from <meta name="break-reminder-minutes">,
// set in the member's wellbeing preferences), show a polite, dismissible reminder. Activity is
// counted per minute across pages of this tab in sessionStorage, so navigating does not reset it.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="break-reminder-minutes"]');
  if (!meta) { return; }
  var minutes = parseInt(meta.getAttribute("content"), 10);
  if (!(minutes > 0)) { return; }

  var KEY = "hub.breakReminder.activeMinutes";
  var TICK_MS = 60 * 1000;
  var activeThisMinute = false;
  var region = null;

  function readCount() {
    try { return parseInt(window.sessionStorage.getItem(KEY) || "0", 10) || 0; } catch (e) { return 0; }
  }
  function writeCount(value) {
    try { window.sessionStorage.setItem(KEY, String(value)); } catch (e) { /* storage off: count per page */ }
  }
  function markActive() { activeThisMinute = true; }

  function dismiss() {
    if (region) { region.textContent = ""; }
    writeCount(0);
  }

  function show() {
    var template = document.getElementById("break-reminder-template");
    if (!template || !region || region.childElementCount) { return; }
    region.appendChild(template.content.cloneNode(true));
    var button = region.querySelector("[data-break-reminder-dismiss]");
    if (button) { button.addEventListener("click", dismiss); }
  }

  function tick() {
    if (!activeThisMinute || document.hidden) { return; }
    activeThisMinute = false;
    var count = readCount() + 1;
    writeCount(count);
    if (count >= minutes) { show(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    // The live region exists before anything is put in it, so screen readers announce it.
    region = document.createElement("div");
    region.className = "break-reminder-region";
    region.setAttribute("role", "status");
    var main = document.getElementById("main") || document.body;
    main.insertBefore(region, main.firstChild);
    if (readCount() >= minutes) { show(); }
    ["keydown", "mousedown", "mousemove", "scroll", "touchstart"].forEach(function (name) {
      document.addEventListener(name, markActive, { passive: true });
    });
    window.setInterval(tick, TICK_MS);
  });
})();
