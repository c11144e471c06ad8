// Small progressive enhancements shared by every page. The hub works without this file.
(function () {
  "use strict";
  // Move focus to an error summary so screen-reader and keyboard users hear what went wrong.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  });
})();
