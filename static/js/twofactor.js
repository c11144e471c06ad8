// After django-otp-webauthn registers a passkey, go on to the sessions page, where the member
// can end their other sessions (as adding an authenticator app offers).
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
