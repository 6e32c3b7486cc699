//! Turns every chapter in `src/` into a documented module of this crate, so
//! that rustdoc runs the chapter's inline Rust blocks as doctests.
//!
//! Blocks that only pull in a file (`{{#include …}}`, `{{#rustdoc_include …}}`)
//! are shown as text here: those files are examples, listings and exercises,
//! checked by `cargo xtask test` and trybuild. A fence with no language is an
//! error, because rustdoc would compile it as Rust while mdBook shows it as text.
use std::{
    env, fs,
    path::{Path, PathBuf},
};

/// The fence reader xtask uses, so that the two never disagree on where a
/// code block starts and ends.
#[path = "../xtask/src/fence.rs"]
#[allow(dead_code)] // the build script uses only part of it
mod fence;

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    let src = src
        .canonicalize()
        .expect("the book's src/ directory exists");
    println!("cargo::rerun-if-changed={}", src.display());
    println!("cargo::rerun-if-changed=../xtask/src/fence.rs");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let mut chapters = Vec::new();
    collect(&src, &mut chapters);
    chapters.sort();
    let mut modules = String::new();
    for path in chapters {
        let rel = path.strip_prefix(&src).unwrap();
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap();
        let doc = doctest_view(&text, &rel.display().to_string());
        let name = module_name(rel);
        let dest = out.join(format!("{name}.md"));
        fs::write(&dest, doc).unwrap();
        modules += &format!("#[doc = include_str!({dest:?})]\npub mod {name} {{}}\n");
    }
    fs::write(out.join("chapters.rs"), modules).unwrap();
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            collect(&path, found);
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
}

/// `solutions/threads.md` becomes `chapter_solutions_threads`.
fn module_name(rel: &Path) -> String {
    let stem = rel.with_extension("").display().to_string();
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("chapter_{name}")
}

/// The chapter with include-only Rust blocks relabelled as `text`; line numbers
/// are kept, so a failing doctest points at the right line of the chapter.
fn doctest_view(text: &str, file: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for block in fence::blocks(text) {
        let at = block.open + 1;
        assert!(
            !block.info.is_empty(),
            "{file}:{at}: this code fence names no language; write ```rust, ```console, \
             ```text or ```python, so that rustdoc and mdBook read it the same way"
        );
        assert!(
            block.close.is_some(),
            "{file}:{at}: code fence is never closed"
        );
        let includes_only = lines[block.body(lines.len())]
            .iter()
            .any(|l| l.trim_start().starts_with("{{#"));
        if block.language() == "rust" && includes_only {
            let open = lines[block.open];
            let indent = &open[..open.len() - open.trim_start().len()];
            let fence = block.marker.to_string().repeat(block.len);
            out[block.open] = format!("{indent}{fence}text");
        }
    }
    out.join("\n") + "\n"
}
