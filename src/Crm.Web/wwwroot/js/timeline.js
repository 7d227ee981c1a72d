// Timeline enhancements: "Load more" appends the next page in place so the reader keeps their place.
// Pages work without this file: the link then opens the next page of the standalone timeline.
(function () {
    "use strict";

    function lastGroup(feed) {
        var groups = feed.querySelectorAll(".timeline-day-group");
        return groups.length ? groups[groups.length - 1] : null;
    }

    function append(feed, more, template) {
        var firstNew = null;
        var added = 0;
        Array.prototype.slice.call(template.content.querySelectorAll(".timeline-day-group")).forEach(function (group) {
            var items = group.querySelectorAll(".timeline-entry");
            added += items.length;
            var previous = lastGroup(feed);
            if (previous && previous.getAttribute("data-day") === group.getAttribute("data-day")) {
                // The page continues the day above the seam: add to that day, never a second heading.
                var list = previous.querySelector(".timeline");
                Array.prototype.slice.call(items).forEach(function (item) {
                    firstNew = firstNew || item;
                    list.appendChild(item);
                });
            } else {
                firstNew = firstNew || group.querySelector(".timeline-entry");
                feed.insertBefore(group, more);
            }
        });
        var nextMore = template.content.querySelector(".timeline-more");
        more.remove();
        if (nextMore) { feed.appendChild(nextMore); }
        return { first: firstNew, count: added, hasMore: !!nextMore };
    }

    // Keep the reader's place after a page load. After "load": scrolling to the fragment moves focus to the viewport
    // and would undo an earlier focus.
    window.addEventListener("load", function () {
        // A refused quick log is re-rendered: put the cursor in the first field to fix, so keyboard and screen-reader
        // users land on the message too.
        var invalid = document.querySelector("#add-interaction [aria-invalid='true'], #add-interaction .quick-log-types[aria-describedby] input");
        if (invalid) {
            invalid.focus({ preventScroll: true });
            document.getElementById("add-interaction").scrollIntoView({ block: "start" });
            return;
        }
        var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
        // After Save (#entry-{id}) the new entry, after a kind filter (#timeline-heading) the heading: both carry
        // tabindex="-1" so they can take focus.
        if (target && (target.classList.contains("timeline-entry") || target.id === "timeline-heading")) {
            target.focus({ preventScroll: true });
            target.scrollIntoView({ block: target.id === "timeline-heading" ? "start" : "center" });
        }
    });

    // Ctrl+Enter (Cmd+Enter on a Mac) in the Summary saves, as in mail and chat apps.
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) { return; }
        var form = event.target.closest ? event.target.closest("form.quick-log-form") : null;
        if (!form || event.target.tagName !== "TEXTAREA") { return; }
        event.preventDefault();
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[data-load-more]") : null;
        if (!link || !window.fetch || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        var feed = link.closest("[data-timeline-feed]");
        var more = link.closest(".timeline-more");
        var url = link.getAttribute("data-fragment-url");
        if (!feed || !more || !url) { return; }
        event.preventDefault();
        if (link.getAttribute("aria-busy") === "true") { return; }
        link.setAttribute("aria-busy", "true");
        link.textContent = "Loading…";

        fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (response) {
                // An expired session redirects to the log-in page, which fetch follows silently: not a page of entries.
                if (response.redirected || response.status !== 200) { throw new Error("HTTP " + response.status); }
                return response.text();
            })
            .then(function (html) {
                var template = document.createElement("template");
                template.innerHTML = html;
                if (!template.content.querySelector("[data-timeline-fragment]")) { throw new Error("Not a timeline fragment"); }
                var result = append(feed, more, template);
                var status = document.querySelector("[data-timeline-status]");
                if (status) {
                    status.textContent = result.count + " older interaction" + (result.count === 1 ? "" : "s") + " loaded" +
                        (result.hasMore ? "." : ". That is all.");
                }
                // Focus the first new entry: keyboard and screen-reader users continue reading where the new ones start.
                if (result.first) {
                    result.first.setAttribute("tabindex", "-1");
                    result.first.focus({ preventScroll: true });
                    result.first.scrollIntoView({ block: "nearest" });
                }
            })
            .catch(function () {
                // Fall back to the page that works without script.
                window.location.href = link.href;
            });
    });
})();
