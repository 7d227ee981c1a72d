// Contacts list. Progressive enhancement: without this file the filters apply when the person presses Search.
// Contact form: Company and Job title follow the Type (they apply to persons only).
(function () {
    "use strict";
    var type = document.querySelector("form.contact-form select[name=Type]");
    var personOnly = document.querySelector("[data-person-only]");
    if (!type || !personOnly) { return; }
    function follow() { personOnly.hidden = type.value === "Company"; }
    type.addEventListener("change", follow);
    follow();
})();

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
