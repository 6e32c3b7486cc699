//! `theme/index.hbs` and `theme/book.js`: mdBook's own files with a few
//! edits, so that a page paints sooner on a phone (Lighthouse's mobile preset,
//! gated in `browser/check.mjs`). A file in `theme/` with a built-in name
//! replaces mdBook's, so these two are generated, never edited by hand:
//! `cargo xtask theme` asks the pinned mdBook for its theme (`mdbook init
//! --theme`), applies [`EDITS`] and writes the result. `cargo xtask build`
//! (and so every step that builds the book) fails if the committed files are
//! not what that makes, and the command fails if an edit no longer finds its
//! text: after an mdBook upgrade, re-read the edits against the new files.
use crate::tools;
use crate::util::{read, root};

/// One edit: `find` occurs exactly `count` times in `file`, and each
/// occurrence becomes `replace`.
struct Edit {
    file: &'static str,
    why: &'static str,
    find: &'static str,
    replace: &'static str,
    count: usize,
}

const EDITS: &[Edit] = &[
    Edit {
        file: "index.hbs",
        why: "the table of contents is a custom element: defined after the page \
              is parsed, it fills the sidebar then, without holding up the first paint",
        find: r#"<script src="{{ resource "toc.js" }}"></script>"#,
        replace: r#"<script defer src="{{ resource "toc.js" }}"></script>"#,
        count: 1,
    },
    Edit {
        file: "index.hbs",
        why: "every other script waits for the page to be parsed, in order",
        find: r#"<script src="{{ resource "#,
        replace: r#"<script defer src="{{ resource "#,
        count: 12,
    },
    Edit {
        file: "index.hbs",
        why: "the sidebar's links exist only once the deferred toc.js has run",
        find: "<script>\n                    document.getElementById('mdbook-sidebar-toggle').setAttribute('aria-expanded', sidebar === 'visible');",
        replace: "<script>\n                    document.addEventListener('DOMContentLoaded', function () {\n                    document.getElementById('mdbook-sidebar-toggle').setAttribute('aria-expanded', sidebar === 'visible');",
        count: 1,
    },
    Edit {
        file: "index.hbs",
        why: "(the end of the listener above)",
        find: "                        link.setAttribute('tabIndex', sidebar === 'visible' ? 0 : -1);\n                    });\n",
        replace: "                        link.setAttribute('tabIndex', sidebar === 'visible' ? 0 : -1);\n                    });\n                    });\n",
        count: 1,
    },
    Edit {
        file: "index.hbs",
        why: "the book uses the device's fonts (theme/extras.css), so mdBook's web \
              fonts are not linked: one stylesheet less before the first paint",
        find: "        <!-- Fonts -->\n        <link rel=\"stylesheet\" href=\"{{ resource \"fonts/fonts.css\" }}\">\n",
        replace: "",
        count: 1,
    },
    Edit {
        file: "index.hbs",
        why: "the print page (and the PDF made from it) highlights every block before printing",
        find: "{{#if is_print }}\n        <meta name=\"robots\" content=\"noindex\">\n",
        replace: "{{#if is_print }}\n        <meta name=\"robots\" content=\"noindex\">\n        <script>window.book_print = true;</script>\n",
        count: 1,
    },
    Edit {
        file: "book.js",
        why: "highlighting every block of a long chapter at once blocked a phone's \
              main thread for 350 ms: highlight in slices of at most 8 ms, in order",
        find: "    if (window.ace) {\n        // language-rust class",
        replace: "    function highlightInSlices(blocks) {
        let next = 0;
        (function slice() {
            const end = performance.now() + 8;
            while (next < blocks.length && (window.book_print || performance.now() < end)) {
                hljs.highlightBlock(blocks[next]);
                next += 1;
            }
            if (next < blocks.length) {
                setTimeout(slice, 0);
            }
        })();
    }

    if (window.ace) {
        // language-rust class",
        count: 1,
    },
    Edit {
        file: "book.js",
        why: "(the editable-blocks branch)",
        find: "            .forEach(function(block) {\n                hljs.highlightBlock(block);\n            });\n    } else {\n        code_nodes.forEach(function(block) {\n            hljs.highlightBlock(block);\n        });\n    }",
        replace: "            .forEach(function(block) {\n                pending.push(block);\n            });\n        highlightInSlices(pending);\n    } else {\n        highlightInSlices(code_nodes);\n    }",
        count: 1,
    },
    Edit {
        file: "book.js",
        why: "(the list the editable-blocks branch fills)",
        find: "        code_nodes\n            .filter(function(node) {\n                return !node.classList.contains('editable');",
        replace: "        const pending = [];\n        code_nodes\n            .filter(function(node) {\n                return !node.classList.contains('editable');",
        count: 1,
    },
];

/// The files [`EDITS`] make from the pinned mdBook's theme.
fn generate() -> Result<Vec<(&'static str, String)>, String> {
    let bin = tools::ensure(tools::Need::Build)?;
    let dir = root().join("target/theme-upstream");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut init = tools::command(&bin, "mdbook");
    init.args([
        "init", "--theme", "--force", "--ignore", "none", "--title", "upstream",
    ])
    .arg(&dir)
    .stdin(std::process::Stdio::null());
    crate::process::Run::new(init)
        .label("mdbook init --theme")
        .capture()
        .check()?;
    let version = crate::pins::load()?.mdbook;
    let mut files = Vec::new();
    for file in ["index.hbs", "book.js"] {
        let mut text = read(&dir.join("theme").join(file))?;
        for edit in EDITS.iter().filter(|e| e.file == file) {
            let found = text.matches(edit.find).count();
            if found != edit.count {
                return Err(format!(
                    "mdBook {version}'s {file} has {found} copies of the text an edit in \
                     xtask/src/theme.rs expects {} of ({}): re-read the edits against it",
                    edit.count, edit.why
                ));
            }
            text = text.replace(edit.find, edit.replace);
        }
        let note = format!(
            "Generated by `cargo xtask theme` from mdBook {version}'s {file}, with the edits \
             listed in xtask/src/theme.rs. Do not edit by hand."
        );
        let header = if file.ends_with(".hbs") {
            format!("{{{{!-- {note} --}}}}\n")
        } else {
            format!("// {note}\n")
        };
        files.push((file, header + &text));
    }
    Ok(files)
}

/// `cargo xtask theme`: writes the generated files into `theme/`.
pub fn write() -> Result<(), String> {
    for (file, text) in generate()? {
        let path = root().join("theme").join(file);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote theme/{file}");
    }
    Ok(())
}

/// Fails if `theme/` does not hold what `cargo xtask theme` makes.
pub fn check() -> Result<(), String> {
    for (file, text) in generate()? {
        let path = root().join("theme").join(file);
        let committed = read(&path).unwrap_or_default();
        if committed != text {
            return Err(format!(
                "theme/{file} is not what `cargo xtask theme` makes from the pinned mdBook; \
                 run it (and never edit theme/{file} by hand)"
            ));
        }
    }
    Ok(())
}
