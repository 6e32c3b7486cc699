// Named extras.js, not book.js: a file in theme/ with a built-in name replaces mdBook's own.
// The book's additions to mdBook's scripts, for keyboard and screen-reader
// users (found by axe-core in the browser checks).
(function () {
    "use strict";
    // A code block that scrolls sideways must be reachable by keyboard.
    function focusableScrollers() {
        document.querySelectorAll("pre > code").forEach(function (code) {
            if (code.scrollWidth > code.clientWidth && !code.hasAttribute("tabindex")) {
                code.setAttribute("tabindex", "0");
            }
        });
    }
    // mdBook's sidebar toggle is a <label> carrying aria-expanded and
    // aria-label, which a label may not have: give it the role it acts as.
    function toggleRole() {
        var toggle = document.getElementById("mdbook-sidebar-toggle");
        if (!toggle || toggle.getAttribute("role")) return;
        toggle.setAttribute("role", "button");
        toggle.setAttribute("tabindex", "0");
        toggle.addEventListener("keydown", function (e) {
            if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                toggle.click();
            }
        });
    }
    // A hidden sidebar must not hold keyboard focus: mdBook makes the links it
    // knows about unfocusable, but not every one its table-of-contents script adds.
    function hiddenSidebarUnfocusable() {
        var sidebar = document.getElementById("mdbook-sidebar");
        if (!sidebar || sidebar.getAttribute("aria-hidden") !== "true") return;
        sidebar.querySelectorAll("a, button, input").forEach(function (el) {
            el.setAttribute("tabindex", "-1");
        });
    }
    function run() {
        focusableScrollers();
        toggleRole();
        hiddenSidebarUnfocusable();
    }
    // Deferred (theme/index.hbs), this script runs once the page is parsed,
    // before DOMContentLoaded; the page's own sidebar script, which sets
    // aria-hidden, runs at DOMContentLoaded. Run after it.
    if (document.readyState === "complete") {
        run();
    } else {
        document.addEventListener("DOMContentLoaded", run);
    }
    window.addEventListener("load", focusableScrollers);
})();
