// The trainer's check-in screen: reload every slot so that the QR code, the six-digit code
// and the count stay current. (Without JavaScript, a <noscript> meta refresh does the same.)
(function () {
    "use strict";
    var script = document.currentScript;
    var seconds = parseInt(script && script.dataset.seconds, 10) || 30;
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
