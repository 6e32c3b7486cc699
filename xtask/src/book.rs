//! Building and serving the book, and the checks mdBook does not do itself:
//! every include resolves to a file and anchor, no output is typed by hand,
//! every internal link and `#fragment` resolves, math is rendered, and no
//! page loads anything from another host.
use crate::examples;
use crate::tools;
use crate::util::{files, read, rel, root};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub fn serve() -> Result<(), String> {
    let bin = tools::ensure(tools::Need::Serve)?;
    eprintln!("serving the book at http://localhost:3000 (live reload; Ctrl-C stops)");
    crate::process::run(with_preprocessor(tools::command(&bin, "mdbook")).args([
        "serve",
        "--hostname",
        "localhost",
        "--port",
        "3000",
    ]))
}

/// Builds the book into `target/book`; any warning or error mdBook (or a
/// preprocessor) logs fails the build, since mdBook itself exits 0 on some.
pub fn build() -> Result<PathBuf, String> {
    let bin = tools::ensure(tools::Need::Build)?;
    crate::theme::check()?;
    let out = with_preprocessor(tools::command(&bin, "mdbook"))
        .arg("build")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run mdbook: {e}"))?;
    let log =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let complaints: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("WARN") || l.to_lowercase().contains("error:"))
        .collect();
    if !out.status.success() || !complaints.is_empty() {
        return Err(format!("mdbook build is not clean:\n{log}"));
    }
    let site = root().join("target/book");
    crate::editions::publish(&site)?;
    eprintln!("    book built into {}", rel(&site));
    Ok(site)
}

/// mdBook runs the book's preprocessor (`[preprocessor.values]`) as this
/// very binary, rather than through `cargo run` as book.toml says for a
/// plain `mdbook build`.
pub fn with_preprocessor(mut cmd: std::process::Command) -> std::process::Command {
    if let Ok(me) = std::env::current_exe() {
        cmd.env(
            "MDBOOK_PREPROCESSOR__VALUES__COMMAND",
            format!("{} preprocess", me.display()),
        );
    }
    cmd
}

fn include_re() -> &'static Regex {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"\{\{#(include|rustdoc_include|playground)\s+([^}\s]+)[^}]*\}\}").unwrap()
    });
    &RE
}

/// Checks on `src/` that need no build.
pub fn check_sources() -> Result<(), String> {
    let src = root().join("src");
    let mut problems = Vec::new();
    let mut shown = HashSet::new();
    let mut prose = String::new();
    let mut fragments = Vec::new();
    for md in files(&src, ".md") {
        let text = read(&md)?;
        prose.push_str(&text);
        let dir = md.parent().unwrap();
        for (n, line) in text.lines().enumerate() {
            for cap in include_re().captures_iter(line) {
                let at = format!("{}:{}", rel(&md), n + 1);
                match check_include(dir, &cap[2]) {
                    Ok(target) => {
                        shown.insert(target);
                    }
                    Err(e) => problems.push(format!("{at}: {e}")),
                }
            }
        }
        problems.extend(hand_typed_output(&text, &rel(&md)));
        let (inline, found) = python_blocks(&text, &rel(&md));
        problems.extend(inline);
        fragments.extend(found);
    }
    problems.extend(crate::contract::check());
    if let Err(e) = crate::python::compile_fragments(&fragments) {
        problems.push(e);
    }
    for listing in crate::python::all()? {
        if !shown.contains(&listing.source) {
            problems.push(format!(
                "{} is not shown by any chapter",
                rel(&listing.source)
            ));
        }
        if !shown.contains(&listing.output_file()) {
            problems.push(format!(
                "{} is not included by any chapter: readers never see it",
                rel(&listing.output_file())
            ));
        }
    }
    for ex in examples::all()? {
        let named = prose.contains(&format!("--example {}", ex.name));
        if !shown.contains(&ex.source) && !named {
            problems.push(format!("{} is not shown by any chapter", rel(&ex.source)));
        }
        let output = ex.output_file();
        if !shown.contains(&output) {
            problems.push(format!(
                "{} is not included by any chapter: readers never see it",
                rel(&output)
            ));
        }
    }
    for listing in files(&root().join("listings"), ".rs") {
        let stderr = listing.with_extension("stderr");
        if !stderr.exists() {
            problems.push(format!(
                "{} has no recorded error (run `cargo xtask record --listings`)",
                rel(&listing)
            ));
        } else if !shown.contains(&stderr) || !shown.contains(&listing) {
            problems.push(format!(
                "{} and its .stderr must both be included by a chapter",
                rel(&listing)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Resolves one `{{#include path:selector}}`; returns the file it names.
fn check_include(dir: &Path, arg: &str) -> Result<PathBuf, String> {
    let (path, selector) = arg.split_once(':').unwrap_or((arg, ""));
    let target = normalise_path(&dir.join(path));
    let text = std::fs::read_to_string(&target)
        .map_err(|_| format!("included file {path} does not exist"))?;
    // An SVG drawn inline is raw HTML to Markdown, which ends the block at
    // its first blank line and reads the rest as text.
    if path.ends_with(".svg") && text.trim_end().lines().any(|l| l.trim().is_empty()) {
        return Err(format!(
            "{path} has a blank line, which ends the inline SVG for Markdown"
        ));
    }
    if selector.is_empty() {
        return Ok(target);
    }
    let is_range = selector.chars().all(|c| c.is_ascii_digit() || c == ':');
    if is_range {
        let lines = text.lines().count();
        for bound in selector.split(':').filter(|s| !s.is_empty()) {
            let n: usize = bound
                .parse()
                .map_err(|_| format!("bad line range {selector}"))?;
            if n == 0 || n > lines {
                return Err(format!("line {n} is outside {path} ({lines} lines)"));
            }
        }
        return Ok(target);
    }
    let marks = |kind: &str| {
        regex!(r"\b(ANCHOR|ANCHOR_END):\s*(\w+)")
            .captures_iter(&text)
            .any(|c| &c[1] == kind && &c[2] == selector)
    };
    if !marks("ANCHOR") || !marks("ANCHOR_END") {
        return Err(format!(
            "anchor `{selector}` (ANCHOR: and ANCHOR_END:) is missing from {path}"
        ));
    }
    // mdBook shows only the first block of an anchor that opens twice.
    let opened = regex!(r"\bANCHOR:\s*(\w+)")
        .captures_iter(&text)
        .filter(|c| &c[1] == selector)
        .count();
    if opened > 1 {
        return Err(format!(
            "anchor `{selector}` opens {opened} times in {path}; mdBook shows only the first block: give each its own name"
        ));
    }
    Ok(target)
}

/// Output shown in the book comes from `listings/output/`, never typed in: a
/// `$ cargo run` line in a code block may be followed only by another command.
fn hand_typed_output(text: &str, file: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    for block in crate::fence::blocks(text) {
        let mut after_run = None;
        for n in block.body(lines.len()) {
            let t = lines[n].trim_start();
            if let Some(at) = after_run.take()
                && !t.starts_with("$ ")
                && !t.is_empty()
            {
                problems.push(format!(
                    "{file}:{at}: output typed into the chapter; include the recorded \
                     file instead: {{{{#include ../listings/output/NAME.txt}}}}"
                ));
            }
            if t.starts_with("$ cargo run") || t.starts_with("$ python3 ") {
                after_run = Some(n + 1);
            }
        }
    }
    problems
}

/// Python in a chapter is included from `listings/python/`, where the suite
/// runs it. Returns the blocks typed into the chapter instead, as problems,
/// and the ones declared `python,fragment` (an API's shape, compiled only),
/// as (where, code).
fn python_blocks(text: &str, file: &str) -> (Vec<String>, Vec<(String, String)>) {
    let (mut problems, mut fragments) = (Vec::new(), Vec::new());
    let lines: Vec<&str> = text.lines().collect();
    for block in crate::fence::blocks(text) {
        let language = block.language().to_ascii_lowercase();
        if !matches!(language.as_str(), "python" | "py" | "python3" | "pycon") {
            continue;
        }
        let body = &lines[block.body(lines.len())];
        let at = format!("{file}:{}", block.open + 1);
        if block
            .attributes()
            .any(|w| w.eq_ignore_ascii_case("fragment"))
        {
            fragments.push((at, body.join("\n") + "\n"));
            continue;
        }
        let included = body.iter().filter(|l| !l.trim().is_empty()).all(|l| {
            include_re()
                .captures(l)
                .is_some_and(|c| c[2].contains("listings/python/"))
        });
        if body.is_empty() || !included {
            problems.push(format!(
                "{at}: Python typed into the chapter; make it a listing in listings/python/ \
                 and include it (or fence an API's shape `python,fragment`)"
            ));
        }
    }
    (problems, fragments)
}

/// Removes `.` and `..` components without touching the file system.
fn normalise_path(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks on the built site.
pub fn check_site(site: &Path) -> Result<(), String> {
    let attr = regex!(r#"\b(href|src)="([^"]*)""#);
    let id = regex!(r#"\b(?:id|name)="([^"]*)""#);
    let tag = regex!(r#"<(script|link|img|iframe|source|embed|object|video|audio)\b[^>]*>"#);
    let css_url = regex!(r#"(?:url\(|@import)\s*['"]?(https?:)?//"#);
    let pages = files(site, ".html");
    let mut ids: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut texts = Vec::new();
    for page in &pages {
        let text = read(page)?;
        ids.insert(
            page.clone(),
            id.captures_iter(&text).map(|c| c[1].to_owned()).collect(),
        );
        texts.push(text);
    }
    let mut problems = Vec::new();
    let mut formulas = 0;
    for (page, text) in pages.iter().zip(&texts) {
        let name = rel(page);
        // 404.html uses absolute links for the site's root URL; it has no content.
        if page.file_name().is_some_and(|f| f == "404.html") {
            continue;
        }
        for t in tag.find_iter(text) {
            for cap in attr.captures_iter(t.as_str()) {
                if is_remote(&cap[2]) {
                    problems.push(format!("{name}: loads {} from another host", &cap[2]));
                }
            }
        }
        for cap in attr.captures_iter(text) {
            let link = cap[2].replace("&amp;", "&");
            if is_remote(&link)
                || link.starts_with("mailto:")
                || link.starts_with("javascript:")
                || link.starts_with("data:")
            {
                continue;
            }
            let link = link.split('?').next().unwrap_or_default();
            let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
            let target = if path.is_empty() {
                page.clone()
            } else {
                let mut t = normalise_path(&page.parent().unwrap().join(percent_decode(path)));
                if t.is_dir() {
                    t = t.join("index.html");
                }
                t
            };
            if !target.exists() && !crate::editions::is_edition(site, &target) {
                problems.push(format!("{name}: broken link {link}"));
                continue;
            }
            if !fragment.is_empty() {
                let found = ids
                    .get(&target)
                    .is_some_and(|set| set.contains(&percent_decode(fragment)));
                if !found {
                    problems.push(format!("{name}: broken fragment {link}"));
                }
            }
        }
        if page.file_name().is_some_and(|f| f != "print.html") {
            formulas += text.matches("class=\"katex\"").count();
        }
        if text.contains("katex-error") {
            problems.push(format!("{name}: a formula failed to render (katex-error)"));
        }
        let prose = strip_code(text);
        if prose.contains("$$") || prose.contains("\\frac") || prose.contains("\\text{") {
            problems.push(format!(
                "{name}: raw TeX left in the page (math not rendered)"
            ));
        }
    }
    for css in files(site, ".css") {
        if css_url.is_match(&read(&css)?) {
            problems.push(format!("{}: loads a resource from another host", rel(&css)));
        }
    }
    if formulas == 0 {
        problems.push("no rendered formula found: is the katex preprocessor running?".into());
    }
    eprintln!(
        "    {} pages, {} rendered formulas, links and fragments checked",
        pages.len(),
        formulas
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn is_remote(link: &str) -> bool {
    link.starts_with("http://") || link.starts_with("https://") || link.starts_with("//")
}

/// The page without `<pre>`, `<code>` and `<script>`, for spotting TeX that
/// was not rendered (rendered math is HTML spans, with no TeX left in it).
fn strip_code(html: &str) -> String {
    let re = regex!(r#"(?s)<pre\b.*?</pre>|<code\b.*?</code>|<script\b.*?</script>"#);
    re.replace_all(html, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_output_is_caught_but_includes_and_commands_are_not() {
        let typed = "```console\n$ cargo run --example x\nhello\n```\n";
        assert_eq!(hand_typed_output(typed, "a.md").len(), 1);
        let included = "```console\n{{#include ../listings/output/x.txt}}\n```\n";
        assert!(hand_typed_output(included, "a.md").is_empty());
        let commands = "```console\n$ cargo run --example x\n$ cargo test -p e\n```\n";
        assert!(hand_typed_output(commands, "a.md").is_empty());
    }

    #[test]
    fn python_is_included_or_declared_a_fragment() {
        let typed = "```python\nprint(1)\n```\n";
        assert_eq!(python_blocks(typed, "a.md").0.len(), 1);
        let included = "````python\n{{#include ../listings/python/gil_counter.py:main}}\n````\n";
        assert!(python_blocks(included, "a.md").0.is_empty());
        let elsewhere = "```python\n{{#include ../examples/x.rs}}\n```\n";
        assert_eq!(python_blocks(elsewhere, "a.md").0.len(), 1);
        let fragment = "text\n```python,fragment\nq.shutdown()\n```\n```rust\nfn f() {}\n```\n";
        let (problems, fragments) = python_blocks(fragment, "a.md");
        assert!(problems.is_empty());
        assert_eq!(
            fragments,
            [("a.md:2".to_owned(), "q.shutdown()\n".to_owned())]
        );
        let typed_output = "```console\n$ python3 listings/python/x.py\n4000000\n```\n";
        assert_eq!(hand_typed_output(typed_output, "a.md").len(), 1);
    }

    #[test]
    fn paths_and_percent_escapes_resolve() {
        assert_eq!(
            normalise_path(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
        assert_eq!(percent_decode("a%20b%2Fc"), "a b/c");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
