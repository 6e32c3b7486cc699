//! The appendix "The notes, claim by claim" (`src/claims.md`) stays true to
//! the notes in `notes/`: every quote is the note's own words, claims are
//! numbered in order, each has one verdict and a line saying where the book
//! shows it, and the tally at the end counts what the page says.
use crate::util::{files, read, rel, root};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

const VERDICTS: [&str; 3] = ["Confirmed", "Corrected", "Qualified"];

/// A Markdown link, `[text](target)`.
static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());

pub fn check() -> Result<(), String> {
    let page = read(&root().join("src/claims.md"))?;
    let mut notes = BTreeMap::new();
    for note in ["000", "001", "002", "003", "004"] {
        notes.insert(
            note,
            squash(&read(&root().join(format!("notes/{note}.md")))?),
        );
    }
    let heading = regex!(r"^### (\d{3})\.(\d+) «(.*)»\s*$");
    let mut problems = Vec::new();
    // Per note: [confirmed, corrected, qualified].
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    let sections: Vec<&str> = page.split("\n### ").skip(1).collect();
    for section in sections {
        let section = format!("### {section}");
        let first = section.lines().next().unwrap_or_default();
        let Some(c) = heading.captures(first) else {
            if section.starts_with("### ")
                && first.chars().nth(4).is_some_and(|c| c.is_ascii_digit())
            {
                problems.push(format!(
                    "heading not of the form `### NNN.N «quote»`: {first}"
                ));
            }
            continue;
        };
        let (note, n, quote) = (c[1].to_owned(), c[2].parse::<usize>().unwrap(), &c[3]);
        let next = expected.entry(note.clone()).or_insert(1);
        if n != *next {
            problems.push(format!("{note}.{n}: expected claim {note}.{next} here"));
        }
        *next = n + 1;
        let Some(text) = notes.get(note.as_str()) else {
            problems.push(format!("{note}.{n}: there is no note {note}"));
            continue;
        };
        for part in quote_parts(quote) {
            if !text.contains(&part) {
                problems.push(format!("{note}.{n}: «{part}» is not in notes/{note}.md"));
            }
        }
        let body = section.split("\n## ").next().unwrap_or_default();
        let verdicts: Vec<usize> = body
            .lines()
            .filter_map(|l| {
                VERDICTS
                    .iter()
                    .position(|v| l.starts_with(&format!("**{v}.**")))
            })
            .collect();
        match verdicts[..] {
            [v] => counts.entry(note.clone()).or_default()[v] += 1,
            _ => problems.push(format!(
                "{note}.{n}: needs exactly one verdict line, found {}",
                verdicts.len()
            )),
        }
        if !body.contains("\nSee ") {
            problems.push(format!(
                "{note}.{n}: no `See …` line naming where the book shows it"
            ));
        }
    }
    let tally = regex!(r"(?m)^\| (\d{3}) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$");
    let mut rows = 0;
    for c in tally.captures_iter(&page) {
        rows += 1;
        let got = counts.get(&c[1]).copied().unwrap_or_default();
        let said: Vec<usize> = (2..=5).map(|i| c[i].parse().unwrap()).collect();
        let want = [got[0], got[1], got[2], got.iter().sum()];
        if said != want {
            problems.push(format!(
                "tally for note {}: says {said:?}, the page has {want:?}",
                &c[1]
            ));
        }
    }
    let totals = regex!(
        r"(?m)^\| \*\*All\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|$"
    );
    match totals.captures(&page) {
        Some(c) => {
            let sum = |i: usize| counts.values().map(|v| v[i]).sum::<usize>();
            let want = [sum(0), sum(1), sum(2), sum(0) + sum(1) + sum(2)];
            let said: Vec<usize> = (1..=4).map(|i| c[i].parse().unwrap()).collect();
            if said != want {
                problems.push(format!("tally total: says {said:?}, the page has {want:?}"));
            }
        }
        None => problems.push("no `| **All** | …` row in the tally".into()),
    }
    if rows != counts.len() {
        problems.push(format!(
            "the tally has {rows} note rows, the page quotes {} notes",
            counts.len()
        ));
    }
    let claims: usize = counts.values().flatten().sum();
    // Every other page quotes the notes in «…» too: the glossary's Russian
    // column, and the chapters where they discuss a note.
    let all_notes = notes.values().cloned().collect::<Vec<_>>().join(" ");
    let quote = regex!(r"«([^»]*)»");
    let mut quotes = 0;
    for md in files(&root().join("src"), ".md") {
        if md.ends_with("src/claims.md") {
            continue;
        }
        let text = read(&md)?;
        let mut quoted: Vec<String> = quote
            .captures_iter(&text)
            .map(|c| c[1].to_owned())
            .collect();
        quoted.extend(russian_block_quotes(&text));
        for q in quoted {
            quotes += 1;
            for part in quote_parts(&q) {
                if !all_notes.contains(&part) {
                    problems.push(format!("{}: «{part}» is in no note", rel(&md)));
                }
            }
        }
    }
    eprintln!(
        "    src/claims.md: {claims} claims; the other pages: {quotes} Russian quotes; all checked against notes/"
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The words of every note, as `squash` leaves them, one after another.
pub fn notes_words() -> Result<String, String> {
    let mut all = String::new();
    for note in ["000", "001", "002", "003", "004"] {
        all += &squash(&read(&root().join(format!("notes/{note}.md")))?);
        all += " ";
    }
    Ok(all)
}

/// Block quotes (`> …` lines) in Russian: the notes quoted at length.
fn russian_block_quotes(text: &str) -> Vec<String> {
    let mut quotes = Vec::new();
    let mut current = String::new();
    for line in text.lines().chain([""]) {
        if let Some(rest) = line.trim_start().strip_prefix('>') {
            current.push(' ');
            current.push_str(rest);
        } else if !current.is_empty() {
            let q = std::mem::take(&mut current);
            if q.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
            {
                quotes.push(q);
            }
        }
    }
    quotes
}

/// The parts of a quote that must appear in the note word for word: a quote
/// may leave words out (`…`, `...`) or add a word of its own in brackets.
fn quote_parts(quote: &str) -> Vec<String> {
    static CUT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"…|\.\.\.|\[[^\]]*\]").unwrap());
    CUT.split(&LINK.replace_all(quote, "$1"))
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The words of a text, for comparing a quote with its note: lower case,
/// with Markdown (emphasis, `<br>`, link targets), punctuation and runs of
/// white space flattened. A quote may join a heading to its first line, or
/// list items into a sentence, and may cross a line break or a link of the
/// note; it may not change, add or drop a word (typos included).
pub fn squash(s: &str) -> String {
    let s = LINK.replace_all(s, "$1").replace("<br>", " ");
    s.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::squash;

    #[test]
    fn russian_block_quotes_are_found_and_english_ones_left_alone() {
        let text = "> Асинхронность имеет\n> преимущество\n\n> An English quote\n\nplain";
        let quotes: Vec<String> = super::russian_block_quotes(text)
            .iter()
            .map(|q| squash(q))
            .collect();
        assert_eq!(quotes, ["асинхронность имеет преимущество"]);
    }

    #[test]
    fn quotes_match_across_line_breaks_and_emphasis() {
        let note = squash("тред *может*<br>\n   делить [память](x.md)");
        assert!(note.contains(&squash("тред может делить память")));
        assert!(!note.contains(&squash("тред не может")));
        // Punctuation and case aside, but every word as the note has it.
        let note = squash("## Theading\n\n- Нужно для IO-bound задач");
        assert!(note.contains(&squash("Theading — нужно для IO-bound задач")));
        assert!(!note.contains(&squash("Threading — нужно для IO-bound задач")));
    }
}
