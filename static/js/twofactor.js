// After django-otp-webauthn registers a passkey, go back to the page that lists devices.
// (Its own script does the WebAuthn ceremony; this file only follows its events.)
(function () {
  "use strict";
  document.addEventListener("otp_webauthn.register_complete", function () {
    var target = document.querySelector("[data-passkey-done]");
    if (target) {
      window.location.assign(target.getAttribute("data-passkey-done"));
    }
  });
})();
