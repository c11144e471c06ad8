// The catalogue's filters update the results without a full reload. Without this script the
// form submits normally: the server renders the same page, so nothing depends on it.
(function () {
  "use strict";

  const form = document.querySelector("[data-catalog-filters]");
  if (!form || !window.fetch || !window.DOMParser) return;

  let controller = null;
  let timer = null;

  function urlFor() {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of Array.from(params.entries())) {
      if (value === "") params.delete(key);
    }
    const query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  async function refresh(url, push) {
    if (controller) controller.abort();
    controller = new AbortController();
    document.body.setAttribute("data-catalog-loading", "");
    try {
      const response = await fetch(url, {
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok || response.redirected) {
        window.location.assign(url);
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const focusedId = document.activeElement && document.activeElement.id;
      for (const region of document.querySelectorAll("[data-catalog-swap]")) {
        const fresh = page.getElementById(region.id);
        if (fresh) region.replaceWith(fresh);
      }
      const count = document.getElementById("catalog-count");
      const freshCount = page.getElementById("catalog-count");
      if (count && freshCount) count.textContent = freshCount.textContent.trim();
      // Keep the person where they were: the checkbox they just ticked keeps focus.
      if (focusedId) {
        const again = document.getElementById(focusedId);
        if (again) again.focus();
      }
      document.title = page.title;
      if (push) window.history.pushState({ catalog: true }, "", url);
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    } finally {
      document.body.removeAttribute("data-catalog-loading");
    }
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "q") return; // typing is handled by "input"
    refresh(urlFor(), true);
  });
  form.addEventListener("input", function (event) {
    if (event.target.name !== "q") return;
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(urlFor(), true); }, 400);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh(urlFor(), true);
  });
  document.addEventListener("click", function (event) {
    const link = event.target.closest(".pagination a");
    if (!link || !document.getElementById("catalog-results").contains(link)) return;
    event.preventDefault();
    refresh(link.href, true).then(function () {
      const results = document.getElementById("catalog-results");
      if (results) results.scrollIntoView();
    });
  });
  window.addEventListener("popstate", function () {
    refresh(window.location.href, false);
  });
})();
