//! The parts of the chapter contract (STYLE.md) that a Python developer's
//! path through the book depends on: each content chapter opens with a
//! Python/Rust pair after its *What you will learn*, leaves the notes to the
//! preface, and keeps its notes box short and linked to the appendix.
use crate::util::{read, root};

/// Pages listed in `src/SUMMARY.md` that are not content chapters.
const NOT_CHAPTERS: [&str; 5] = [
    "preface.md",
    "glossary.md",
    "claims.md",
    "reading.md",
    "changes.md",
];

/// Chapters where a Python/Rust pair makes no sense: the section says what
/// replaces it instead of including the pair's files.
const NO_PAIR: [&str; 2] = ["futures.md", "testing.md"];

/// Chapters not yet rewritten to this shape (issue 17). The list only
/// shrinks: a chapter on it that already passes is an error too.
const NOT_YET: [&str; 0] = [];

/// The most words a chapter's *What the notes say* box may have.
const BOX_WORDS: usize = 250;

const PAIR: &str = "## Python and Rust side by side";
const BOX: &str = "### What the notes say";

/// The content chapters, in reading order: `SUMMARY.md`'s pages that are
/// not the preface, an appendix or a solutions page.
pub fn chapters() -> Result<Vec<String>, String> {
    let summary = read(&root().join("src/SUMMARY.md"))?;
    Ok(regex!(r"\]\(([a-z_]+\.md)\)")
        .captures_iter(&summary)
        .map(|c| c[1].to_owned())
        .filter(|f| !NOT_CHAPTERS.contains(&f.as_str()))
        .collect())
}

/// What is wrong with one chapter's text, named `file` (`threads.md`).
pub fn problems_of(file: &str, text: &str) -> Vec<String> {
    let slug = file.trim_end_matches(".md");
    let mut problems = Vec::new();
    let intro = text.split("\n## ").next().unwrap_or_default();
    if regex!(r"(?i)grows (out )?(of|from)[^.]*notes?\b").is_match(intro) {
        problems.push(format!(
            "{file}: the opening says which notes the chapter grows from; the preface says what the notes are"
        ));
    }
    let first = text
        .lines()
        .find(|l| l.starts_with("## "))
        .unwrap_or_default();
    if !first.starts_with(PAIR) {
        problems.push(format!(
            "{file}: the first section must be `{PAIR}`, right after What you will learn (found `{first}`)"
        ));
    }
    let section = text
        .split_once(&format!("\n{PAIR}"))
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or_default())
        .unwrap_or_default();
    if !NO_PAIR.contains(&file) {
        for want in [
            format!("listings/python/{slug}_side_by_side.py"),
            format!("examples/{slug}_side_by_side.rs"),
        ] {
            if !section.contains(&want) {
                problems.push(format!("{file}: `{PAIR}` does not include {want}"));
            }
        }
    }
    let boxes: Vec<&str> = text.split(&format!("\n{BOX}")).skip(1).collect();
    if boxes.len() > 1 {
        problems.push(format!(
            "{file}: {} `{BOX}` boxes; at most one",
            boxes.len()
        ));
    }
    if let Some(body) = boxes.first() {
        let body = body
            .split("\n## ")
            .next()
            .unwrap_or_default()
            .split("\n### ")
            .next()
            .unwrap_or_default();
        let words = body.split_whitespace().count();
        if words > BOX_WORDS {
            problems.push(format!(
                "{file}: `{BOX}` has {words} words; at most {BOX_WORDS} (the appendix grades every claim in full)"
            ));
        }
        if !body.contains("(claims.md") {
            problems.push(format!(
                "{file}: `{BOX}` does not link to the appendix (claims.md)"
            ));
        }
    }
    problems
}

/// The check: every content chapter not on `NOT_YET` has the shape, and
/// every chapter on it does not have it yet.
pub fn check() -> Vec<String> {
    let chapters = match chapters() {
        Ok(c) => c,
        Err(e) => return vec![e],
    };
    let mut problems = Vec::new();
    for file in &chapters {
        let text = match read(&root().join("src").join(file)) {
            Ok(t) => t,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let found = problems_of(file, &text);
        if NOT_YET.contains(&file.as_str()) {
            if found.is_empty() {
                problems.push(format!(
                    "{file} now has the chapter contract's shape: remove it from NOT_YET in xtask/src/contract.rs"
                ));
            }
        } else {
            problems.extend(found);
        }
    }
    for name in NOT_YET.iter().chain(NO_PAIR.iter()) {
        if !chapters.iter().any(|c| c == name) {
            problems.push(format!(
                "xtask/src/contract.rs names {name}, which is not a chapter"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# Threads\n\nIntro.\n\n**What you will learn**\n\n- a\n\n\
        ## Python and Rust side by side\n\n\
        {{#include ../listings/python/threads_side_by_side.py:main}}\n\
        {{#rustdoc_include ../examples/threads_side_by_side.rs:main}}\n\n\
        ## Spawn\n\nText.\n\n## Coming from Python\n\n### What the notes say\n\n\
        Box text, see [the appendix](claims.md#note-000).\n\n## Pitfalls\n";

    #[test]
    fn a_chapter_in_shape_passes() {
        assert_eq!(problems_of("threads.md", GOOD), Vec::<String>::new());
    }

    #[test]
    fn the_notes_line_in_the_opening_fails() {
        let text = GOOD.replace("Intro.", "The chapter grows from notes 000 and 004.");
        assert_eq!(problems_of("threads.md", &text).len(), 1);
    }

    #[test]
    fn a_missing_pair_fails() {
        let text = GOOD.replace("threads_side_by_side.py", "threads_other.py");
        let found = problems_of("threads.md", &text);
        assert!(
            found[0].contains("listings/python/threads_side_by_side.py"),
            "{found:?}"
        );
    }

    #[test]
    fn the_pair_must_come_first() {
        let text = GOOD.replace("## Python and Rust side by side", "## Spawn first");
        assert!(!problems_of("threads.md", &text).is_empty());
    }

    #[test]
    fn a_long_box_or_one_without_the_appendix_fails() {
        let long = GOOD.replace("Box text,", &"word ".repeat(251));
        assert!(problems_of("threads.md", &long)[0].contains("words; at most 250"));
        let unlinked = GOOD.replace("(claims.md#note-000)", "(threads.md)");
        assert!(problems_of("threads.md", &unlinked)[0].contains("claims.md"));
    }

    #[test]
    fn two_boxes_fail() {
        let text = GOOD.replace(
            "## Pitfalls",
            "### What the notes say\n\nMore.\n\n## Pitfalls",
        );
        assert!(
            problems_of("threads.md", &text)
                .iter()
                .any(|p| p.contains("at most one"))
        );
    }
}
