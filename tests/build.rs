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

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    let src = src
        .canonicalize()
        .expect("the book's src/ directory exists");
    println!("cargo::rerun-if-changed={}", src.display());
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
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        let fence_char = trimmed.chars().next();
        if !matches!(fence_char, Some('`') | Some('~')) {
            i += 1;
            continue;
        }
        let c = fence_char.unwrap();
        let len = trimmed.chars().take_while(|&x| x == c).count();
        if len < 3 {
            i += 1;
            continue;
        }
        let info = trimmed[len..].trim();
        assert!(
            !info.is_empty(),
            "{file}:{}: this code fence names no language; write ```rust, ```console, \
             ```text or ```python, so that rustdoc and mdBook read it the same way",
            i + 1
        );
        let end = (i + 1..lines.len())
            .find(|&j| {
                let t = lines[j].trim_start();
                t.chars().take_while(|&x| x == c).count() >= len
                    && t.trim_start_matches(c).trim().is_empty()
            })
            .unwrap_or_else(|| panic!("{file}:{}: code fence is never closed", i + 1));
        let is_rust = info.split([',', ' ']).next() == Some("rust");
        let includes_only = lines[i + 1..end]
            .iter()
            .any(|l| l.trim_start().starts_with("{{#"));
        if is_rust && includes_only {
            let indent = &lines[i][..lines[i].len() - trimmed.len()];
            out[i] = format!("{indent}{}text", c.to_string().repeat(len));
        }
        i = end + 1;
    }
    out.join("\n") + "\n"
}
