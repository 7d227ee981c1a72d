// Team page. Progressive enhancement: without this file, removing a member shows a confirmation page instead.
(function () {
    "use strict";

    // site.js has shown the data-confirm dialog by the time this (later) listener runs; when it was accepted the
    // form says so, and the server removes at once instead of asking again.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-confirm")) {
            return;
        }
        var flag = form.querySelector("input[data-confirmed]");
        if (flag) {
            flag.value = "true";
        }
    });
})();
