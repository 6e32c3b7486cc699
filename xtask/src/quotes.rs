//! Quotes of the documentation are the documentation's own words.
//!
//! A chapter quotes documentation in double quotes, in a paragraph that
//! links the page it quotes (inline or by a reference link). Every quote of
//! three words or more in a paragraph that links documentation pages must be
//! found, word for word, on one of those pages, in the local copy of the
//! linked version (`apilinks.rs` resolves the links). A quote may leave words
//! out (`…`) or add one of its own in brackets (`[it]`); each remaining part
//! must be on the page. Case, white space, typographic quotes and Markdown
//! (code spans, emphasis, links) do not count.
//!
//! A paragraph may also quote something that is not the documentation (a
//! note, a man page, a book): where none of its linked pages holds the quote,
//! and the quote is not marked, the check fails. Mark such a quote by
//! following it with a link to its source, which is then not a documentation
//! link, or move it to a paragraph of its own.
use crate::apilinks::{DOC_URL, Docs, Page};
use crate::util::{files, read, rel, root};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::LazyLock;

static REF_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\[([^\]]+)\]:\s*(\S+)").unwrap());
static REF_USE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\[([^\]]+)\]|\[([^\]]+)\](?:[^(\[]|$)").unwrap());
static QUOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""([^"]+)""#).unwrap());
static CODE_SPAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`[^`]*`").unwrap());
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])").unwrap());
static CUT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"…|\.\.\.|\[[^\]]*\]").unwrap());

/// One quote, where it is, and the parts that must be found.
struct Quote {
    at: String,
    text: String,
    parts: Vec<String>,
    source: Source,
}

/// Where a quote says it comes from.
#[derive(Debug, PartialEq)]
enum Source {
    /// The documentation pages the paragraph links (nothing more specific).
    Paragraph,
    /// The documentation links in the parentheses right after it.
    Attributed(Vec<String>),
    /// Something that is not documentation, named in the parentheses right
    /// after it: an issue, a source file, a man page.
    Elsewhere,
    /// The English of a note, next to the Russian «quote» that the notes
    /// check holds to the note's own words.
    Note,
    /// The title of a chapter or a section.
    Title,
}

/// The check run after the links resolve.
pub fn check_docs(docs: &Docs) -> Result<(), String> {
    let titles = titles()?;
    let notes_text = crate::claims::notes_words()?;
    let mut problems = Vec::new();
    let mut texts: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut found_on = |file: &PathBuf, q: &Quote| {
        let text = texts
            .entry(file.clone())
            .or_insert_with(|| page_text(&docs.html(file)));
        q.parts.iter().all(|p| text.contains(p.as_str()))
    };
    let (mut checked, mut notes, mut elsewhere, mut named) = (0, 0, 0, 0);
    for md in files(&root().join("src"), ".md") {
        let source = crate::values::without_declarations(&read(&md)?);
        let refs: BTreeMap<String, String> = REF_DEF
            .captures_iter(&source)
            .map(|c| (c[1].to_lowercase(), c[2].to_owned()))
            .collect();
        // Every page the file links: where a quote in a paragraph that links
        // nothing may come from.
        let file_pages: Vec<PathBuf> = local_pages(docs, &doc_links(&source, &refs)).0;
        let claims = md.ends_with("src/claims.md");
        let mut previous = String::new();
        for (line, paragraph, block_quote) in paragraphs(&source) {
            let at = format!("{}:{line}", rel(&md));
            let mut quotes = if block_quote {
                block_quote_of(&paragraph, &at, &notes_text)
            } else {
                quotes_in(&paragraph, &at, &titles)
            };
            let paragraph = if block_quote {
                format!("{previous} {paragraph}")
            } else {
                paragraph
            };
            previous = paragraph.clone();
            // The claims index gives each claim's English as a paragraph of
            // its own, under the heading that quotes the note.
            if claims && paragraph.starts_with('"') && paragraph.ends_with('"') {
                quotes.iter_mut().for_each(|q| q.source = Source::Note);
            }
            for q in quotes {
                let links = match &q.source {
                    Source::Note => {
                        notes += 1;
                        continue;
                    }
                    Source::Elsewhere => {
                        elsewhere += 1;
                        continue;
                    }
                    Source::Title => {
                        named += 1;
                        continue;
                    }
                    Source::Attributed(links) => doc_links(&links.join(" "), &refs),
                    Source::Paragraph => doc_links(&paragraph, &refs),
                };
                if links.is_empty() && cites_another_source(&paragraph, &refs) {
                    elsewhere += 1;
                    continue;
                }
                let (pages, newer) = local_pages(docs, &links);
                let found = if links.is_empty() {
                    file_pages.iter().any(|f| found_on(f, &q))
                } else {
                    pages.iter().any(|f| found_on(f, &q))
                };
                if found {
                    checked += 1;
                } else if links.is_empty() {
                    problems.push(format!(
                        "{}: \"{}\" says nowhere where it comes from: link the documentation page in its paragraph, \
                         name another source in parentheses right after it, or use no quotation marks",
                        q.at, q.text
                    ));
                } else if pages.is_empty() && !newer.is_empty() {
                    problems.push(format!(
                        "{}: \"{}\" quotes {}, which has no local copy to check it against: quote the pinned version's page, or paraphrase",
                        q.at,
                        q.text,
                        newer.join(", ")
                    ));
                } else if !pages.is_empty() {
                    problems.push(format!(
                        "{}: \"{}\" is on none of the pages it is attributed to: {}",
                        q.at,
                        q.text,
                        links.join(", ")
                    ));
                }
            }
        }
    }
    eprintln!(
        "    quotes: {checked} of the documentation found word for word in the linked version; \
         {notes} English renderings of the notes (the Russian is checked against notes/), \
         {elsewhere} attributed to other sources, {named} titles"
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Whether a paragraph links a source that is not documentation (a man
/// page, a PEP, an issue, a paper), which its quotes then come from.
fn cites_another_source(paragraph: &str, refs: &BTreeMap<String, String>) -> bool {
    paragraph.contains("](http")
        || REF_USE.captures_iter(paragraph).any(|c| {
            let label = c.get(1).or(c.get(2)).unwrap().as_str().to_lowercase();
            refs.get(&label).is_some_and(|url| url.starts_with("http"))
        })
}

/// The local copies of the linked pages, and the links to later Pythons.
fn local_pages(docs: &Docs, links: &[String]) -> (Vec<PathBuf>, Vec<String>) {
    let (mut pages, mut newer) = (Vec::new(), Vec::new());
    for url in links {
        match docs.resolve(url) {
            Page::Local { file, .. } => pages.push(file),
            Page::Newer => newer.push(url.clone()),
            // Reported by the link check.
            Page::NoPythonDocs | Page::Outside(_) | Page::Bad(_) => {}
        }
    }
    (pages, newer)
}

/// The book's chapter and section titles, as `normalise` leaves them.
fn titles() -> Result<BTreeSet<String>, String> {
    static HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^#{1,6} (.+)$|^\s*- \[([^\]]+)\]\(").unwrap());
    let mut titles = BTreeSet::new();
    for md in files(&root().join("src"), ".md") {
        for c in HEADING.captures_iter(&read(&md)?) {
            let t = c.get(1).or(c.get(2)).unwrap().as_str();
            titles.insert(normalise(&t.replace('`', "")));
        }
    }
    Ok(titles)
}

/// The prose of a Markdown file, paragraph by paragraph, with the line each
/// starts on and whether it is a block quote (`> …` lines, markers
/// removed); code blocks, HTML blocks and reference definitions left out.
fn paragraphs(source: &str) -> Vec<(usize, String, bool)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String, bool)> = None;
    let code = crate::fence::block_of_line(source);
    for (n, line) in source.lines().enumerate() {
        let t = line.trim_start();
        if code[n].is_some() {
            out.extend(current.take());
            continue;
        }
        let blank = t.is_empty();
        let skip = t.starts_with('<') || t.starts_with("{{#") || REF_DEF.is_match(t);
        let quoted = t.strip_prefix('>').map(str::trim_start);
        // A block quote and the paragraph before it are two paragraphs.
        let switch = current.as_ref().is_some_and(|c| c.2 != quoted.is_some());
        if blank || skip || switch {
            out.extend(current.take());
            if blank || skip {
                continue;
            }
        }
        let text = quoted.unwrap_or(t);
        match &mut current {
            Some((_, paragraph, _)) => {
                paragraph.push(' ');
                paragraph.push_str(text);
            }
            None => current = Some((n + 1, text.to_owned(), quoted.is_some())),
        }
    }
    out.extend(current);
    out
}

/// The documentation links a paragraph makes, inline or by reference.
fn doc_links(paragraph: &str, refs: &BTreeMap<String, String>) -> Vec<String> {
    let mut links: Vec<String> = DOC_URL
        .find_iter(paragraph)
        .map(|m| m.as_str().trim_end_matches(['.', ',']).to_owned())
        .collect();
    for c in REF_USE.captures_iter(paragraph) {
        let label = c.get(1).or(c.get(2)).unwrap().as_str().to_lowercase();
        if let Some(url) = refs.get(&label)
            && DOC_URL.is_match(url)
            && !links.contains(url)
        {
            links.push(url.clone());
        }
    }
    links
}

/// A block quote in English, taken from the documentation or another
/// source that it, or the paragraph that introduces it, links. (A block
/// quote in Russian quotes a note, which the notes check holds to its words.)
fn block_quote_of(text: &str, at: &str, notes: &str) -> Vec<Quote> {
    if text.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я')) {
        return Vec::new();
    }
    let from_a_note = notes.contains(&crate::claims::squash(text));
    vec![Quote {
        at: at.to_owned(),
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        parts: parts(&plain(text)),
        source: if from_a_note {
            Source::Note
        } else {
            Source::Paragraph
        },
    }]
}

/// The quotes of three words or more in a paragraph (shorter ones name a
/// term rather than quote a sentence), each with the source it names.
/// Double quotes inside code spans do not count.
fn quotes_in(paragraph: &str, at: &str, titles: &BTreeSet<String>) -> Vec<Quote> {
    static NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bnotes? \d{3}\b").unwrap());
    let hidden = CODE_SPAN.replace_all(paragraph, |c: &regex::Captures| c[0].replace('"', "\u{1}"));
    let mut quotes = Vec::new();
    for c in QUOTE.captures_iter(&hidden) {
        let q = c[1].replace('\u{1}', "\"");
        if q.split_whitespace().count() < 3 {
            continue;
        }
        let whole = c.get(0).unwrap();
        let before = hidden[..whole.start()].trim_end();
        let after = hidden[whole.end()..].trim_start();
        // `("…", note 002)` or `«…» ("…")`: the English of a note.
        let up_to_paren = after.split(')').next().unwrap_or_default();
        let translation = NOTE.is_match(up_to_paren)
            || before
                .strip_suffix('(')
                .is_some_and(|b| b.trim_end().trim_end_matches('*').ends_with('»'));
        let plain = plain(&q);
        let source = if translation {
            Source::Note
        } else if titles.contains(&normalise(&plain)) {
            Source::Title
        } else if let Some(attribution) = after.strip_prefix('(').map(balanced) {
            let links: Vec<String> = DOC_URL
                .find_iter(attribution)
                .map(|m| m.as_str().to_owned())
                .collect();
            if !links.is_empty() {
                Source::Attributed(links)
            } else if attribution.contains("][") {
                // A reference link: resolved by the caller.
                Source::Attributed(vec![attribution.to_owned()])
            } else {
                Source::Elsewhere
            }
        } else {
            Source::Paragraph
        };
        quotes.push(Quote {
            at: at.to_owned(),
            text: q.split_whitespace().collect::<Vec<_>>().join(" "),
            parts: parts(&plain),
            source,
        });
    }
    quotes
}

/// A quote without its Markdown: links become their text; code spans and
/// emphasis lose their marks.
fn plain(quote: &str) -> String {
    MD_LINK.replace_all(quote, "$1").replace(['`', '*'], "")
}

/// The parts of a quote that must be found on the page: it may leave words
/// out (`…`) or add its own in brackets (`[it]`).
fn parts(plain: &str) -> Vec<String> {
    CUT.split(plain)
        .map(normalise)
        .map(|p| p.trim_matches(|c: char| ",.;: ".contains(c)).to_owned())
        .filter(|p| p.len() > 1)
        .collect()
}

/// The text up to the `)` that closes a parenthesis already open.
fn balanced(s: &str) -> &str {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return &s[..i],
            ')' => depth -= 1,
            _ => {}
        }
    }
    s
}

/// A page's text, as `normalise` leaves a quote: tags dropped (block-level
/// ones leave a space, so paragraphs stay apart), scripts and styles left
/// out, entities decoded. A plain scan: pages run to 700 KB.
fn page_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p", "div", "li", "ul", "ol", "dt", "dd", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "br",
        "td", "th", "tr", "table", "section", "pre", "summary", "details",
    ];
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &rest[open + close + 1..];
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let end = format!("</{name}");
            rest = rest.find(&end).map_or("", |i| &rest[i..]);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            text.push(' ');
        }
    }
    text.push_str(rest);
    normalise(&decode_entities(&text))
}

/// Lower case, one space between words, plain quotes and apostrophes.
fn normalise(s: &str) -> String {
    s.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('\u{a0}', " ")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn decode_entities(s: &str) -> String {
    static ENTITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);").unwrap());
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let e = &c[1];
            let code = if let Some(hex) = e.strip_prefix("#x") {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = e.strip_prefix('#') {
                dec.parse().ok()
            } else {
                match e {
                    "amp" => Some(38),
                    "lt" => Some(60),
                    "gt" => Some(62),
                    "quot" => Some(34),
                    "apos" => Some(39),
                    "nbsp" => Some(32),
                    _ => None,
                }
            };
            code.and_then(char::from_u32)
                .map_or(c[0].to_owned(), |ch| ch.to_string())
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_cut_at_ellipses_and_insertions_and_stripped_of_markdown() {
        let none = BTreeSet::new();
        let q = quotes_in(
            r#"It says "a `JoinHandle` *detaches* the [task](x.html) … when [it is] dropped", and "two words"."#,
            "a.md:1",
            &none,
        );
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].parts,
            ["a joinhandle detaches the task", "when", "dropped"]
        );
        assert_eq!(q[0].source, Source::Paragraph);
        // Double quotes inside code spans are not quotes.
        assert!(quotes_in(r#"`print("one two three")` and `"x"`"#, "a.md:1", &none).is_empty());
    }

    #[test]
    fn a_quote_says_where_it_comes_from() {
        let titles: BTreeSet<String> = [normalise("Data parallelism with rayon")].into();
        let source = |p: &str| quotes_in(p, "a.md:1", &titles).remove(0).source;
        assert_eq!(
            source(r#"**«что изменил один»** ("what one changed is", note 004)"#),
            Source::Note
        );
        assert_eq!(
            source(r#"**«Вы можете»** ("you can create N processes")"#),
            Source::Note
        );
        assert_eq!(
            source(r#"see "Data parallelism with rayon" later"#),
            Source::Title
        );
        assert_eq!(
            source(r#"mio asks for "the same backlog value" (a comment in mio's source)"#),
            Source::Elsewhere
        );
        assert_eq!(
            source(
                r#"It "detaches the associated task" ([docs](https://docs.rs/tokio/1.54.1/tokio/) (sic)), then"#
            ),
            Source::Attributed(vec!["https://docs.rs/tokio/1.54.1/tokio/".into()])
        );
        assert_eq!(
            source(r#"It "waits for ever here", then"#),
            Source::Paragraph
        );
    }

    #[test]
    fn page_text_is_plain_and_quotes_match_it() {
        let html = "<p>Dropping a <code>JoinHandle</code> will <em>detach</em> the task.</p><p>It&#39;s &quot;fine&quot;&nbsp;now</p><script>var x = 1;</script>";
        let text = page_text(html);
        assert!(text.contains("dropping a joinhandle will detach the task."));
        assert!(text.contains("it's \"fine\" now"));
        assert!(!text.contains("var x"));
        assert!(!text.contains("task.it's"), "paragraphs stay apart");
        assert!(text.contains(&normalise("Dropping a JoinHandle  will\n detach")));
    }

    #[test]
    fn block_quotes_are_paragraphs_of_their_own() {
        let md = "The docs say:\n> Tasks keep running\n> until they yield.\n>\n> Then *they* are dropped.\nAfter.\n";
        let paras = paragraphs(md);
        assert_eq!(paras.len(), 3);
        assert!(paras[1].2);
        let q = block_quote_of(&paras[1].1, "a.md:2", "");
        assert_eq!(
            q[0].parts,
            ["tasks keep running until they yield. then they are dropped"]
        );
        assert!(block_quote_of("Асинхронность имеет", "a.md:1", "").is_empty());
        let note = block_quote_of(
            "too much coro > problems",
            "a.md:1",
            "x too much coro problems y",
        );
        assert_eq!(note[0].source, Source::Note);
    }

    #[test]
    fn paragraphs_skip_code_and_find_reference_links() {
        let md = "Intro \"one two three\" [std][m] and [PEP 342].\nmore\n\n```rust\nlet s = \"a b c\";\n```\n\n[m]: https://doc.rust-lang.org/1.95.0/std/\n[pep 342]: https://peps.python.org/pep-0342/\n";
        let paras = paragraphs(md);
        assert_eq!(paras.len(), 1);
        assert_eq!(paras[0].0, 1);
        assert!(!paras[0].2);
        let refs: BTreeMap<String, String> = REF_DEF
            .captures_iter(md)
            .map(|c| (c[1].to_lowercase(), c[2].to_owned()))
            .collect();
        assert_eq!(
            doc_links(&paras[0].1, &refs),
            ["https://doc.rust-lang.org/1.95.0/std/"]
        );
    }
}
