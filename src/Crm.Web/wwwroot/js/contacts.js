// Contacts list. Progressive enhancement: without this file the filters apply when the person presses Search.
(function () {
    "use strict";
    var form = document.querySelector("form[data-apply-on-change]");
    if (!form) { return; }
    var key = "crm.contacts.focus";

    function apply(control) {
        // The page reloads with the new list; focus comes back to the control that changed it (below).
        try { window.sessionStorage.setItem(key, control.id); } catch (e) { /* private mode: focus starts at the top */ }
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }

    form.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () { apply(select); });
    });

    // The search applies after a pause in typing, not on every key.
    var search = form.querySelector("input[type=search]");
    var timer = null;
    if (search) {
        search.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () { apply(search); }, 600);
        });
    }

    try {
        var id = window.sessionStorage.getItem(key);
        window.sessionStorage.removeItem(key);
        var control = id ? document.getElementById(id) : null;
        if (control) {
            control.focus();
            if (control.setSelectionRange && control.type === "search") {
                control.setSelectionRange(control.value.length, control.value.length);
            }
        }
    } catch (e) { /* nothing to restore */ }
})();
