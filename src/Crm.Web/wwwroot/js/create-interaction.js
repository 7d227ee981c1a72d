// Create Interaction. Progressive enhancement: without this file the "Fill in defaults" button beside the template
// does the same; with it, choosing a template fills in its defaults at once.
(function () {
    "use strict";
    var form = document.getElementById("create-interaction");
    var apply = form && form.querySelector("[data-template-defaults]");
    var select = form && form.querySelector("select[name=TemplateId]");
    if (!apply || !select) {
        return;
    }
    apply.hidden = true;
    select.addEventListener("change", function () {
        apply.click();
    });
})();
