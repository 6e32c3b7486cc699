//! The book offline: the PDF and EPUB editions, written into
//! `target/editions` and copied into the site, `target/book` (which links
//! them, and which Pages publishes), and checked.
//!
//! - `cargo xtask pdf`: the print page printed by Chromium (`browser/pdf.mjs`,
//!   which also checks the text `pdftotext` reads back).
//! - `cargo xtask epub`: mdbook-epub, from a configuration made here out of
//!   `book.toml` (an `[output.epub]` there would move the site into
//!   `target/book/html` and make `serve` need the renderer), then epubcheck.
use crate::process::Run;
use crate::util::{create_dir_all, read, rel, root, write};
use crate::{book, browser, tools};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const PDF: &str = "concurrency-in-rust.pdf";
pub const EPUB: &str = "concurrency-in-rust.epub";
/// Where Debian's `epubcheck` package puts the checker.
const EPUBCHECK_JAR: &str = "/usr/share/java/epubcheck.jar";

/// Where the editions are written. `mdbook build` empties `target/book`,
/// so each build copies them back in from here ([`publish`]).
fn dir() -> PathBuf {
    root().join("target/editions")
}

/// Copies the editions built so far into the site, which links them.
pub fn publish(site: &Path) -> Result<(), String> {
    for name in [PDF, EPUB] {
        let made = dir().join(name);
        if made.exists() {
            std::fs::copy(&made, site.join(name))
                .map_err(|e| format!("cannot copy {} into the site: {e}", rel(&made)))?;
        }
    }
    Ok(())
}

/// Whether `file` is where the site keeps an edition: a link to it is
/// good even before the editions are built (the `editions` step checks
/// them).
pub fn is_edition(site: &Path, file: &Path) -> bool {
    [PDF, EPUB].iter().any(|name| file == site.join(name))
}

/// `cargo xtask pdf`
pub fn pdf() -> Result<(), String> {
    let site = book::build()?;
    create_dir_all(&dir())?;
    let out = dir().join(PDF);
    browser::node("pdf.mjs", &[out.as_os_str()], "the PDF edition")?;
    publish(&site)
}

/// KaTeX's stylesheet for the EPUB: its fonts as the EPUB holds them
/// (`katex/fonts/`, WOFF2 only, which EPUB 3 readers must support).
fn katex_css() -> Result<String, String> {
    let css = read(&root().join("src/katex/katex.min.css"))?;
    let font = regex!(
        r#"src:url\(fonts/([^)]+\.woff2)\) format\("woff2"\)(?:,url\([^)]*\) format\("[a-z]+"\))*"#
    );
    let out = font.replace_all(&css, r#"src:url(katex/fonts/$1) format("woff2")"#);
    if out.contains("url(fonts/") {
        return Err("src/katex/katex.min.css: a font the EPUB stylesheet does not rewrite".into());
    }
    Ok(out.into_owned())
}

/// The colours the figures draw with: the light theme's, which mdBook's
/// stylesheet gives the site (figures use `var(--fg)` and friends).
const EPUB_CSS: &str = "
:root {
    --bg: hsl(0, 0%, 100%);
    --fg: hsl(0, 0%, 0%);
    --sidebar-bg: #fafafa;
    --sidebar-fg: hsl(0, 0%, 0%);
    --links: #20609f;
    --quote-bg: hsl(197, 37%, 96%);
    --warning-border: #ff8e00;
    --table-header-bg: hsl(0, 0%, 80%);
}
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85em; }
figure.diagram { margin: 1.5em 0; text-align: center; }
figure.diagram svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
";

/// The EPUB's configuration: book.toml's book, Rust edition and
/// preprocessors, one output, `[output.epub]`. The preprocessor runs after
/// `links` here, so that it also sees the included listings and drops the
/// lines the site hides.
fn config(dir: &Path) -> Result<String, String> {
    let main: toml::Table = read(&root().join("book.toml"))?
        .parse()
        .map_err(|e| format!("book.toml: {e}"))?;
    let mut book = main.get("book").cloned().ok_or("book.toml has no [book]")?;
    book.as_table_mut()
        .ok_or("book.toml: [book] is not a table")?
        .insert(
            "src".into(),
            root().join("src").display().to_string().into(),
        );
    let mut preprocessors = main
        .get("preprocessor")
        .and_then(|p| p.as_table())
        .cloned()
        .ok_or("book.toml has no preprocessors")?;
    if let Some(values) = preprocessors
        .get_mut("values")
        .and_then(|v| v.as_table_mut())
    {
        values.remove("before");
        values.insert("after".into(), toml::Value::Array(vec!["links".into()]));
    }
    let fonts: Vec<toml::Value> = crate::util::files(&root().join("src/katex/fonts"), ".woff2")
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| format!("katex/fonts/{}", n.to_string_lossy()).into())
        .collect();
    let mut epub = toml::Table::new();
    epub.insert(
        "additional-css".into(),
        toml::Value::Array(vec![dir.join("epub.css").display().to_string().into()]),
    );
    epub.insert("additional-resources".into(), toml::Value::Array(fonts));
    epub.insert("epub-version".into(), 3.into());
    epub.insert("curly-quotes".into(), true.into());
    epub.insert("no-section-label".into(), true.into());
    let mut out = toml::Table::new();
    out.insert("book".into(), book);
    let mut build = toml::Table::new();
    build.insert(
        "build-dir".into(),
        dir.join("out").display().to_string().into(),
    );
    build.insert("create-missing".into(), false.into());
    out.insert("build".into(), build.into());
    if let Some(rust) = main.get("rust") {
        out.insert("rust".into(), rust.clone());
    }
    out.insert("preprocessor".into(), preprocessors.into());
    let mut output = toml::Table::new();
    output.insert("epub".into(), epub.into());
    out.insert("output".into(), output.into());
    Ok(format!(
        "# Made by `cargo xtask epub` from book.toml (xtask/src/editions.rs): do not edit.\n{}",
        toml::to_string(&out).map_err(|e| format!("the EPUB's book.toml: {e}"))?
    ))
}

fn find_epub(dir: &Path) -> Option<PathBuf> {
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Some(found) = find_epub(&path) {
                return Some(found);
            }
        } else if path.extension().is_some_and(|e| e == "epub") {
            return Some(path);
        }
    }
    None
}

/// `cargo xtask epub`
pub fn epub() -> Result<(), String> {
    let bin = tools::ensure(tools::Need::Epub)?;
    // The chapters' headings come from the site (see `values::for_epub`).
    book::build()?;
    let work = root().join("target/epub");
    let _ = std::fs::remove_dir_all(&work);
    create_dir_all(&work)?;
    write(
        &work.join("epub.css"),
        format!("{EPUB_CSS}\n{}", katex_css()?),
    )?;
    write(&work.join("book.toml"), config(&work)?)?;
    let mut cmd = book::with_preprocessor(tools::command(&bin, "mdbook"));
    cmd.arg("build").arg(&work);
    let done = Run::new(cmd)
        .label("mdbook build (EPUB)")
        .capture()
        .finish()?;
    let complaints: Vec<&str> = done
        .output
        .lines()
        .filter(|l| l.contains("WARN") || l.to_lowercase().contains("error:"))
        .collect();
    if !done.ok() || !complaints.is_empty() {
        return Err(format!("the EPUB build is not clean:\n{}", done.output));
    }
    let made = find_epub(&work.join("out")).ok_or("mdbook-epub wrote no .epub")?;
    create_dir_all(&dir())?;
    let out = dir().join(EPUB);
    let fixed = Command::new("python3")
        .args(["-c", include_str!("epub_fix.py")])
        .arg(&made)
        .arg(&out)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !fixed.status.success() {
        return Err(format!(
            "epub_fix.py failed:\n{}",
            String::from_utf8_lossy(&fixed.stderr)
        ));
    }
    eprintln!("    EPUB written to {}", rel(&out));
    check_epub(&out)?;
    publish(&root().join("target/book"))
}

/// epubcheck finds nothing, and the EPUB holds every figure, formula and
/// recorded output the chapters include.
fn check_epub(epub: &Path) -> Result<(), String> {
    // Debian's epubcheck is an executable jar, which runs only where the
    // kernel hands jars to Java (binfmt_misc): run the jar with Java instead.
    let jar = Path::new(EPUBCHECK_JAR);
    if !jar.exists() {
        if std::env::var_os("CI").is_some() {
            return Err(format!(
                "CI must check the EPUB, but {EPUBCHECK_JAR} is missing (apt-get install epubcheck)"
            ));
        }
        eprintln!("    epubcheck skipped: {EPUBCHECK_JAR} not found (apt-get install epubcheck)");
    } else {
        let mut cmd = Command::new("java");
        cmd.arg("-jar").arg(jar).arg("--failonwarnings").arg(epub);
        let done = Run::new(cmd).label("epubcheck").capture().finish()?;
        if !done.ok() {
            return Err(format!("epubcheck:\n{}", done.output.trim_end()));
        }
        eprintln!("    epubcheck: no errors, no warnings");
    }
    // What the chapters include, against what the EPUB's pages hold.
    let count = r##"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith((".html", ".xhtml")))
print(text.count('<figure class="diagram"'), text.count('class="katex"'), text.count("$ cargo run --example"), text.count("{{#"))
"##;
    let out = Command::new("python3")
        .args(["-c", count])
        .arg(epub)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let got: Vec<usize> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [svg, katex, runs, directives] = got[..] else {
        return Err(format!(
            "cannot read the EPUB: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    };
    let site = root().join("target/book/print.html");
    let print = read(&site).unwrap_or_default();
    let mut problems = Vec::new();
    if !print.is_empty() {
        let want = |s: &str| print.matches(s).count();
        for (what, n, m) in [
            ("figures", svg, want("<figure class=\"diagram\"")),
            ("formulas", katex, want("class=\"katex\"")),
            (
                "recorded runs ($ cargo run --example)",
                runs,
                want("$ cargo run --example"),
            ),
        ] {
            if n < m {
                problems.push(format!("{what}: {n} in the EPUB, {m} on the print page"));
            }
        }
    } else if svg == 0 || katex == 0 || runs == 0 {
        problems.push(format!(
            "the EPUB holds {svg} figures, {katex} formulas, {runs} recorded runs"
        ));
    }
    if directives > 0 {
        problems.push(format!(
            "{directives} mdBook directives ({{{{#…}}}}) left unexpanded in the EPUB"
        ));
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    eprintln!("    EPUB holds {svg} figures, {katex} formulas and {runs} recorded runs");
    Ok(())
}

/// The test's step: both editions, built and checked.
pub fn check() -> Result<(), String> {
    pdf()?;
    epub()
}
