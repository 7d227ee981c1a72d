// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";

    // Forms with data-confirm ask before they submit (the server still requires the POST).
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var message = form.getAttribute && form.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
            return;
        }
        // One submit per click: a double-click does not post twice.
        if (form.dataset.submitted === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = "true";
        window.setTimeout(function () { form.dataset.submitted = "false"; }, 4000);
    });

    // Close an open <details> menu when clicking elsewhere.
    document.addEventListener("click", function (event) {
        document.querySelectorAll("details.book-switcher[open]").forEach(function (menu) {
            if (!menu.contains(event.target)) { menu.removeAttribute("open"); }
        });
    });

    // Escape closes the book switcher (and the phone menu) and gives focus back to the control that opened it.
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        document.querySelectorAll("details.book-switcher[open]").forEach(function (menu) {
            menu.removeAttribute("open");
            menu.querySelector("summary").focus();
        });
        var button = document.querySelector(".menu-button[aria-expanded='true']");
        if (button) {
            button.click();
            button.focus();
        }
    });
})();

// Phone menu: below 760 px the book's navigation and the account links fold behind one "Menu" button. Without this
// script the button stays hidden and both stay visible, stacked above the page.
(function () {
    "use strict";
    var button = document.querySelector(".menu-button");
    if (!button) { return; }
    document.body.classList.add("has-menu-button");
    button.hidden = false;
    button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", open ? "true" : "false");
        document.body.classList.toggle("menu-open", open);
    });
})();

// After a refused submit the page comes back with messages: put the cursor in the first field to fix, so keyboard
// and screen-reader users start at the problem (focus would otherwise stay on <body>).
(function () {
    "use strict";
    var invalid = document.querySelector("main form [aria-invalid='true']");
    if (invalid && !invalid.closest("#add-interaction")) { invalid.focus(); }
})();

// Register: send the browser's time zone so times show in the person's zone from the first page.
(function () {
    "use strict";
    var field = document.querySelector("input[data-detect-time-zone]");
    if (field && !field.value && window.Intl) {
        try { field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* keep UTC */ }
    }
})();

// Fields with data-suggest (crm-field suggest="..."): fill their datalist from the server while the person types.
(function () {
    "use strict";
    document.querySelectorAll("input[data-suggest]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        var timer = null;
        var asked = "";
        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var term = input.value.trim();
            if (term.length < 2 || term === asked) { return; }
            timer = window.setTimeout(function () {
                asked = term;
                var url = input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(term);
                fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
                    .then(function (response) { return response.ok && !response.redirected ? response.json() : []; })
                    .then(function (items) {
                        list.replaceChildren.apply(list, items.map(function (text) {
                            var option = document.createElement("option");
                            option.value = text;
                            return option;
                        }));
                    })
                    .catch(function () { /* suggestions are a convenience; typing still works */ });
            }, 200);
        });
    });
})();
