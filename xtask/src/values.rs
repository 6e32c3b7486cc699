//! Prose bound to recordings.
//!
//! Every figure a measurement prints comes out of the harness as one line,
//! `LABEL  median M UNIT (p10–p90 A–B, n=N)`, and is known to the book as
//! `NAME:KEY`: the example or Python listing that printed it, and its label
//! lowercased with every run of other characters turned into `_`. The
//! chapters never retype such a figure. They use four forms, which the
//! preprocessor (`cargo xtask preprocess`, run by mdBook) replaces:
//!
//! ```text
//! {{#value NAME:KEY}}             the median, as the harness prints it: `36.6 µs`
//! {{#value NAME:KEY / NAME:KEY}}  the ratio of two medians: `1.3×`
//! {{#range NAME:KEY}}             the p10–p90 interval: `35.1–38.0 µs`
//! {{#claim STATEMENT}}            nothing: declares what the sentence says
//! {{#reason TEXT}}                nothing: why a sentence needs no claim
//! ```
//!
//! A statement compares figures, numbers (which may carry a unit: `2`,
//! `50µs`, `1KiB`) and ratios of figures with `<`, `>` and `~`, chained as
//! `A < B < C`; a figure may be scaled, `2 * NAME:KEY`. Each figure stands for
//! its p10–p90 interval, so `A < B` holds only when A's whole interval lies
//! below B's, and `A ~ B` ("about the same") only when the intervals
//! overlap. A ratio `A / B` spans from A's p10 over B's p90 to A's p90 over
//! B's p10.
//!
//! The test ([`check`]) fails, naming file and line, when a figure is
//! missing, a statement does not hold of the recordings, or a sentence in a
//! paragraph that cites a measurement holds a measured-looking number or a
//! comparative with neither a binding nor a reason.
use crate::examples;
use crate::util::{files, read, rel, root};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

// ---------------------------------------------------------------------------
// Figures: the harness's lines
// ---------------------------------------------------------------------------

static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<label>\S.*?)\s+median (?P<m>-?[\d.]+) ?(?P<unit>[^\s(\d][^\s(]*)? \(p10–p90 (?P<a>-?[\d.]+)–(?P<b>-?[\d.]+), n=(?P<n>\d+)\)\s*$",
    )
    .unwrap()
});

/// What a figure measures, for comparing like with like.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dim {
    /// Nanoseconds.
    Time,
    /// Bytes.
    Size,
    /// A ratio, a count or a share: no unit to convert.
    Plain,
}

/// One figure, its values in base units (ns, bytes).
#[derive(Clone, Debug)]
pub struct Figure {
    pub label: String,
    pub key: String,
    /// The unit as printed, for showing the value again.
    pub unit: String,
    pub dim: Dim,
    pub median: f64,
    pub p10: f64,
    pub p90: f64,
    pub n: usize,
}

/// `unit` → its dimension and the factor to base units.
pub fn unit(unit: &str) -> Option<(Dim, f64)> {
    Some(match unit {
        "ns" => (Dim::Time, 1.0),
        "µs" | "us" => (Dim::Time, 1e3),
        "ms" => (Dim::Time, 1e6),
        "s" => (Dim::Time, 1e9),
        "B" | "bytes" => (Dim::Size, 1.0),
        "KiB" => (Dim::Size, 1024.0),
        "MiB" => (Dim::Size, 1024.0 * 1024.0),
        "GiB" => (Dim::Size, 1024.0 * 1024.0 * 1024.0),
        "" | "×" | "x" | "%" => (Dim::Plain, 1.0),
        // A rate or a count of something (`jobs/s`, `polls`): plain.
        u if u.chars().all(|c| c.is_alphabetic() || c == '/') => (Dim::Plain, 1.0),
        _ => return None,
    })
}

/// `two threads, mpsc channels` → `two_threads_mpsc_channels`.
pub fn key(label: &str) -> String {
    let mut key = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    key.trim_end_matches('_').to_owned()
}

/// The harness's lines of an output. A line that says `median` but does
/// not parse, or a unit the book does not know, is an error.
pub fn parse(text: &str) -> Result<Vec<Figure>, String> {
    let mut figures: Vec<Figure> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.contains("median") || line.starts_with("$ ") {
            continue;
        }
        let bad = |why: &str| format!("line {}: `{}`: {why}", i + 1, line.trim());
        let Some(c) = LINE.captures(line) else {
            return Err(bad(
                "says `median` but is not in the harness's form `LABEL  median M UNIT (p10–p90 A–B, n=N)`",
            ));
        };
        let u = c.name("unit").map_or("", |m| m.as_str());
        let (dim, factor) = unit(u).ok_or_else(|| bad(&format!("unknown unit `{u}`")))?;
        let num = |name: &str| -> Result<f64, String> {
            c[name]
                .parse::<f64>()
                .map(|v| v * factor)
                .map_err(|_| bad("a number does not parse"))
        };
        let label = c["label"].trim_end_matches(':').trim().to_owned();
        let f = Figure {
            key: key(&label),
            label,
            unit: u.to_owned(),
            dim,
            median: num("m")?,
            p10: num("a")?,
            p90: num("b")?,
            n: c["n"].parse().map_err(|_| bad("n does not parse"))?,
        };
        if !(f.p10 <= f.median && f.median <= f.p90) {
            return Err(bad("the median is not between p10 and p90"));
        }
        if figures.iter().any(|g| g.key == f.key) {
            return Err(bad(&format!("a second figure with the key `{}`", f.key)));
        }
        figures.push(f);
    }
    Ok(figures)
}

/// A measurement: an example marked `// output: release` or a Python
/// listing marked `# output: measurement`, and where its recording is.
#[derive(Clone, Debug)]
pub struct Measurement {
    pub name: String,
    pub source: PathBuf,
    pub recording: PathBuf,
    pub python: bool,
}

pub fn measurements() -> Result<Vec<Measurement>, String> {
    let mut all: Vec<Measurement> = examples::all()?
        .into_iter()
        .filter(|e| e.directives.release)
        .map(|e| Measurement {
            recording: e.output_file(),
            name: e.name,
            source: e.source,
            python: false,
        })
        .collect();
    for l in crate::python::all()? {
        if l.directives.measurement {
            all.push(Measurement {
                recording: l.output_file(),
                name: l.name,
                source: l.source,
                python: true,
            });
        }
    }
    all.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(all)
}

/// Figures by measurement name.
pub type Figures = BTreeMap<String, Vec<Figure>>;

/// The figures of every measurement's recording.
pub fn recorded() -> Result<Figures, String> {
    let mut out = Figures::new();
    for m in measurements()? {
        let text = read(&m.recording)?;
        let figures = parse(&text).map_err(|e| format!("{}: {e}", rel(&m.recording)))?;
        out.insert(m.name, figures);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

/// A value with its interval: `lo ≤ mid ≤ hi`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub lo: f64,
    pub mid: f64,
    pub hi: f64,
    pub dim: Dim,
}

#[derive(Clone, Debug, PartialEq)]
enum Operand {
    Number(f64, Dim),
    Figure {
        scale: f64,
        name: String,
        key: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Term {
    One(Operand),
    Ratio(Operand, Operand),
}

/// A parsed statement: terms joined by relations.
#[derive(Clone, Debug)]
pub struct Statement {
    terms: Vec<Term>,
    relations: Vec<char>,
}

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(-?\d+(?:\.\d+)?)\s*([a-zA-Zµ×%]*)$").unwrap());
static REF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([a-z][a-z0-9_]*):(\w+)$").unwrap());

fn operand(text: &str) -> Result<Operand, String> {
    let text = text.trim();
    if let Some((scale, rest)) = text.split_once('*') {
        let scale: f64 = scale
            .trim()
            .parse()
            .map_err(|_| format!("`{text}`: expected `NUMBER * NAME:KEY`"))?;
        return match operand(rest)? {
            Operand::Figure { name, key, .. } => Ok(Operand::Figure { scale, name, key }),
            Operand::Number(..) => Err(format!("`{text}`: scale a figure, not a number")),
        };
    }
    if let Some(c) = REF.captures(text) {
        return Ok(Operand::Figure {
            scale: 1.0,
            name: c[1].to_owned(),
            key: c[2].to_owned(),
        });
    }
    if let Some(c) = NUMBER.captures(text) {
        let (dim, factor) = unit(&c[2]).ok_or_else(|| format!("`{text}`: unknown unit"))?;
        return Ok(Operand::Number(c[1].parse::<f64>().unwrap() * factor, dim));
    }
    Err(format!(
        "`{text}`: expected NAME:KEY (a recorded figure), a number, or NUMBER * NAME:KEY"
    ))
}

fn term(text: &str) -> Result<Term, String> {
    match text.split_once('/') {
        Some((a, b)) => Ok(Term::Ratio(operand(a)?, operand(b)?)),
        None => Ok(Term::One(operand(text)?)),
    }
}

impl Statement {
    pub fn parse(text: &str) -> Result<Statement, String> {
        let (mut terms, mut relations, mut start) = (Vec::new(), Vec::new(), 0);
        for (i, c) in text.char_indices() {
            if matches!(c, '<' | '>' | '~') {
                terms.push(term(&text[start..i])?);
                relations.push(c);
                start = i + c.len_utf8();
            }
        }
        terms.push(term(&text[start..])?);
        if relations.is_empty() {
            return Err(format!(
                "`{text}`: a statement compares with `<`, `>` or `~`"
            ));
        }
        Ok(Statement { terms, relations })
    }

    /// Whether the statement holds of `figures`, and the spans it compared.
    pub fn holds(&self, figures: &Figures) -> Result<(bool, Vec<Span>), String> {
        let spans = self
            .terms
            .iter()
            .map(|t| span(t, figures))
            .collect::<Result<Vec<_>, _>>()?;
        let mut holds = true;
        for (i, rel) in self.relations.iter().enumerate() {
            let (a, b) = (spans[i], spans[i + 1]);
            if a.dim != b.dim {
                return Err(format!(
                    "compares unlike things ({:?} and {:?}): give the number a unit",
                    a.dim, b.dim
                ));
            }
            holds &= match rel {
                '<' => a.hi < b.lo,
                '>' => a.lo > b.hi,
                _ => a.lo <= b.hi && b.lo <= a.hi,
            };
        }
        Ok((holds, spans))
    }
}

pub fn lookup<'a>(figures: &'a Figures, name: &str, key: &str) -> Result<&'a Figure, String> {
    let list = figures.get(name).ok_or_else(|| {
        format!("`{name}` is not a measurement (an example with `// output: release`, or a Python listing with `# output: measurement`)")
    })?;
    list.iter().find(|f| f.key == key).ok_or_else(|| {
        let keys: Vec<&str> = list.iter().map(|f| f.key.as_str()).collect();
        format!(
            "`{name}` has no figure `{key}`; its keys: {}",
            keys.join(", ")
        )
    })
}

fn op_span(op: &Operand, figures: &Figures) -> Result<Span, String> {
    match op {
        Operand::Number(v, dim) => Ok(Span {
            lo: *v,
            mid: *v,
            hi: *v,
            dim: *dim,
        }),
        Operand::Figure { scale, name, key } => {
            let f = lookup(figures, name, key)?;
            Ok(Span {
                lo: f.p10 * scale,
                mid: f.median * scale,
                hi: f.p90 * scale,
                dim: f.dim,
            })
        }
    }
}

fn span(t: &Term, figures: &Figures) -> Result<Span, String> {
    match t {
        Term::One(a) => op_span(a, figures),
        Term::Ratio(a, b) => {
            let (a, b) = (op_span(a, figures)?, op_span(b, figures)?);
            if a.dim != b.dim && b.dim != Dim::Plain {
                return Err("a ratio of unlike things".into());
            }
            if b.lo <= 0.0 {
                return Err("a ratio over a figure that reaches zero".into());
            }
            Ok(Span {
                lo: a.lo / b.hi,
                mid: a.mid / b.mid,
                hi: a.hi / b.lo,
                dim: if a.dim == b.dim { Dim::Plain } else { a.dim },
            })
        }
    }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/// Three significant digits, as the harness prints.
fn digits(v: f64) -> usize {
    if v == 0.0 {
        0
    } else {
        (2 - v.abs().log10().floor() as i32).clamp(0, 4) as usize
    }
}

/// A figure's value (in base units) in the unit it suits, as the harness
/// would print it, and the scale used.
fn shown(f: &Figure, v: f64) -> (f64, &'static str, f64) {
    match f.dim {
        Dim::Time => {
            let (scale, u) = match f.median {
                m if m < 1e3 => (1.0, "ns"),
                m if m < 1e6 => (1e3, "µs"),
                m if m < 1e9 => (1e6, "ms"),
                _ => (1e9, "s"),
            };
            (v / scale, u, scale)
        }
        _ => {
            let factor = unit(&f.unit).map_or(1.0, |(_, k)| k);
            (v / factor, "", factor)
        }
    }
}

fn with_unit(v: f64, u: &str) -> String {
    let d = digits(v);
    match u {
        "" => format!("{v:.d$}"),
        "×" | "%" => format!("{v:.d$}{u}"),
        _ => format!("{v:.d$}\u{a0}{u}"),
    }
}

fn ratio_text(r: f64) -> String {
    match r.abs() {
        x if x >= 10.0 => format!("{r:.0}×"),
        x if x >= 1.0 => format!("{r:.1}×"),
        _ => format!("{r:.2}×"),
    }
}

/// The text of `{{#value …}}`.
pub fn value_text(expr: &str, figures: &Figures) -> Result<String, String> {
    match term(expr)? {
        Term::One(Operand::Figure {
            scale: 1.0,
            name,
            key,
        }) => {
            let f = lookup(figures, &name, &key)?;
            let (v, u, _) = shown(f, f.median);
            let u = if f.dim == Dim::Time {
                u
            } else {
                f.unit.as_str()
            };
            Ok(with_unit(v, u))
        }
        t @ Term::Ratio(..) => Ok(ratio_text(span(&t, figures)?.mid)),
        _ => Err(format!(
            "`{expr}`: a value is NAME:KEY or NAME:KEY / NAME:KEY"
        )),
    }
}

/// The text of `{{#range …}}`: `35.1–38.0 µs`.
pub fn range_text(expr: &str, figures: &Figures) -> Result<String, String> {
    let Term::One(Operand::Figure { name, key, .. }) = term(expr)? else {
        return Err(format!("`{expr}`: a range is of one figure, NAME:KEY"));
    };
    let f = lookup(figures, &name, &key)?;
    let (lo, u, _) = shown(f, f.p10);
    let (hi, _, _) = shown(f, f.p90);
    let u = if f.dim == Dim::Time {
        u
    } else {
        f.unit.as_str()
    };
    let d = digits(shown(f, f.median).0);
    let sep = if u.is_empty() || u == "×" || u == "%" {
        ""
    } else {
        "\u{a0}"
    };
    Ok(format!("{lo:.d$}–{hi:.d$}{sep}{u}"))
}

static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{#(value|range|claim|reason)\b\s*([^}]*)\}\}( ?)").unwrap());

/// The text with every `{{#claim}}` and `{{#reason}}` taken out (and the
/// space after it), lines kept: what the other checks of the prose read.
pub fn without_declarations(text: &str) -> String {
    static DECLARATION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{\{#(?:claim|reason)\b[^}]*\}\} ?").unwrap());
    DECLARATION.replace_all(text, "").into_owned()
}

/// A chapter's text with every form replaced.
pub fn render(text: &str, figures: &Figures) -> Result<String, String> {
    // A line of declarations alone goes whole, or it would leave a blank
    // line behind and split its paragraph.
    static ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:\{\{#(?:claim|reason)\b[^}]*\}\}[ \t]*)+\n").unwrap()
    });
    let text = ALONE.replace_all(text, "");
    let mut problems = Vec::new();
    let out = MARKUP.replace_all(&text, |c: &regex::Captures| {
        let (kind, arg) = (&c[1], c[2].trim());
        let r = match kind {
            "value" => value_text(arg, figures),
            "range" => range_text(arg, figures),
            // A declaration leaves no trace, not even the space after it.
            _ => return String::new(),
        }
        .map(|text| text + &c[3]);
        r.unwrap_or_else(|e| {
            problems.push(format!("{}: {e}", &c[0]));
            c[0].to_owned()
        })
    });
    if problems.is_empty() {
        Ok(out.into_owned())
    } else {
        Err(problems.join("\n"))
    }
}

/// `cargo xtask preprocess`: mdBook's preprocessor protocol (`supports
/// RENDERER` answers yes in main.rs): the book comes as JSON on stdin and
/// goes back, every chapter's content rendered, on stdout.
pub fn preprocess() -> Result<(), String> {
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
        .map_err(|e| format!("preprocess: cannot read the book from stdin: {e}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&input).map_err(|e| format!("preprocess: bad input: {e}"))?;
    let serde_json::Value::Array(mut pair) = json else {
        return Err("preprocess: expected [context, book]".into());
    };
    let mut book = pair.pop().ok_or("preprocess: no book")?;
    // The EPUB renderer shows a Rust block as it is: the lines the HTML hides
    // (`# ` lines, and what `rustdoc_include` leaves outside an anchor) go.
    let epub = pair
        .first()
        .and_then(|c| c.get("renderer"))
        .is_some_and(|r| r == "epub");
    // A recording that does not parse fails the test, and here only the
    // forms that need it.
    let mut figures = Figures::new();
    for m in measurements()? {
        if let Ok(list) = read(&m.recording).and_then(|t| parse(&t)) {
            figures.insert(m.name, list);
        }
    }
    let mut problems = Vec::new();
    let edition = edition();
    walk(&mut book, &mut |chapter| {
        let path = chapter
            .get("path")
            .and_then(|p| p.as_str())
            .map(str::to_owned);
        let Some(serde_json::Value::String(content)) = chapter.get_mut("content") else {
            return;
        };
        if content.contains("{{#edition}}") {
            *content = content.replace("{{#edition}}", &edition);
        }
        match render(content, &figures) {
            Ok(text) if epub => match for_epub(&text, path.as_deref()) {
                Ok(text) => *content = text,
                Err(e) => problems.push(e),
            },
            Ok(text) => *content = text,
            Err(e) => problems.push(e),
        }
    });
    if !problems.is_empty() {
        return Err(format!("preprocess:\n{}", problems.join("\n")));
    }
    println!("{book}");
    Ok(())
}

/// `{{#edition}}`: which commit and toolchain this copy of the book shows,
/// for the site, the PDF and the EPUB alike.
fn edition() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let (rust, mdbook) = crate::pins::load()
        .map(|p| (p.toolchain, p.mdbook))
        .unwrap_or_else(|_| ("(unknown)".into(), "(unknown)".into()));
    let commit = match (
        git(&["rev-parse", "--short=12", "HEAD"]),
        git(&["show", "-s", "--format=%cs", "HEAD"]),
    ) {
        (Some(hash), Some(date)) => {
            let changed = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "commit `{hash}` of {date}{}",
                if changed {
                    ", with changes not yet committed"
                } else {
                    ""
                }
            )
        }
        _ => "a copy outside its git repository, so its commit is unknown".into(),
    };
    format!("This edition shows {commit}, built with Rust {rust} and mdBook {mdbook}.")
}

/// A chapter as mdbook-epub needs it: without the lines the site hides,
/// with the site's headings (their ids and rendered titles: mdbook-epub
/// gives headings no ids and shows `{#id}` as text), and with links to
/// `.md` files pointing to the `.html` pages mdbook-epub writes.
fn for_epub(markdown: &str, path: Option<&str>) -> Result<String, String> {
    let text = without_hidden_lines(markdown);
    let Some(path) = path else {
        return Ok(text);
    };
    let page = crate::util::root()
        .join("target/book")
        .join(Path::new(path).with_extension("html"));
    let html =
        read(&page).map_err(|e| format!("the EPUB takes its headings from the built site: {e}"))?;
    let heading =
        regex!(r#"(?s)<h([1-6]) id="([^"]+)"><a class="header" href="[^"]*">(.*?)</a></h[1-6]>"#);
    let mut site = heading
        .captures_iter(&html)
        .map(|c| (c[1].to_owned(), c[2].to_owned(), c[3].to_owned()));
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<String> = None;
    let mut count = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        match &fence {
            None if marker.len() >= 3 => fence = Some(marker),
            Some(open)
                if marker.len() >= open.len() && trimmed[marker.len()..].trim().is_empty() =>
            {
                fence = None
            }
            None if line.starts_with('#') && regex!(r"^#{1,6} ").is_match(line) => {
                count += 1;
                let (level, id, title) = site.next().ok_or_else(|| {
                    format!(
                        "{path}: heading {count} is not on the built page {}",
                        page.display()
                    )
                })?;
                out.push_str(&format!("<h{level} id=\"{id}\">{title}</h{level}>\n"));
                continue;
            }
            _ => {}
        }
        out.push_str(line);
    }
    if site.next().is_some() {
        return Err(format!(
            "{path}: the built page has more headings than the chapter"
        ));
    }
    let md_link = regex!(r#"(\]\(|href=")([^)"\s:]*?)\.md(#[^)"\s]*)?([)"])"#);
    let out = md_link.replace_all(&out, "$1$2.html$3$4");
    // The other editions sit next to the site, not inside the EPUB: a link
    // to one keeps its text (the file's name) and loses its target.
    let edition_link = regex!(r"\[([^\]]*)\]\(concurrency-in-rust\.(?:pdf|epub)\)");
    Ok(edition_link.replace_all(&out, "$1").into_owned())
}

/// `markdown` without the lines mdBook hides in Rust blocks: a line that is
/// `#` alone or starts with `# ` (after indentation); `##` stands for `#`.
pub fn without_hidden_lines(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut fence: Option<(String, bool)> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        match &fence {
            None if marker.len() >= 3 => {
                let info = trimmed[marker.len()..].trim();
                let rust = info.split([',', ' ']).next() == Some("rust");
                fence = Some((marker, rust));
            }
            Some((open, _))
                if marker.len() >= open.len() && trimmed[marker.len()..].trim().is_empty() =>
            {
                fence = None;
            }
            Some((_, true)) => {
                let code = trimmed.trim_end_matches(['\n', '\r']);
                if code == "#" || code.starts_with("# ") {
                    continue;
                }
                if let Some(rest) = trimmed.strip_prefix("##") {
                    let indent = &line[..line.len() - trimmed.len()];
                    out.push_str(indent);
                    out.push('#');
                    out.push_str(rest);
                    continue;
                }
            }
            _ => {}
        }
        out.push_str(line);
    }
    out
}

/// Calls `f` on every object that looks like a chapter (has `content` and
/// `sub_items`), however the book's JSON nests them.
fn walk(
    v: &mut serde_json::Value,
    f: &mut dyn FnMut(&mut serde_json::Map<String, serde_json::Value>),
) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("content") && map.contains_key("sub_items") {
                f(map);
            }
            for (_, child) in map.iter_mut() {
                walk(child, f);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|c| walk(c, f)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// The prose check
// ---------------------------------------------------------------------------

/// One sentence of a chapter, with the forms it holds.
#[derive(Debug)]
pub struct Sentence {
    pub file: PathBuf,
    pub line: usize,
}

/// A paragraph: its first line and its lines joined.
struct Paragraph {
    line: usize,
    text: String,
    /// Whether an output block of a measurement ends right before it.
    after_recording: Option<String>,
}

fn paragraphs(text: &str, measurement_names: &[String]) -> Vec<Paragraph> {
    let include = regex!(r"\{\{#include \.\./listings/output/(?:python/)?([a-z0-9_]+)\.txt");
    let mut out = Vec::new();
    let (mut cur, mut start) = (String::new(), 0);
    let blocks = crate::fence::blocks(text);
    let code = crate::fence::block_of_line(text);
    let (mut fence_recording, mut last_recording): (Option<String>, Option<String>) = (None, None);
    let mut in_comment = false;
    let numbered = regex!(r"^\d+\. ");
    let flush =
        |cur: &mut String, start: usize, last: &mut Option<String>, out: &mut Vec<Paragraph>| {
            if !cur.trim().is_empty() {
                out.push(Paragraph {
                    line: start,
                    text: std::mem::take(cur),
                    after_recording: last.take(),
                });
            }
            cur.clear();
        };
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if let Some(b) = code[i] {
            if i == blocks[b].open {
                flush(&mut cur, start, &mut None, &mut out);
                fence_recording = None;
            } else if Some(i) == blocks[b].close {
                last_recording = fence_recording.take();
            } else if let Some(c) = include.captures(t)
                && measurement_names.iter().any(|n| *n == c[1])
            {
                fence_recording = Some(c[1].to_owned());
            }
            continue;
        }
        if in_comment {
            in_comment = !t.contains("-->");
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        let structural = t.is_empty()
            || t.starts_with('#')
            || t.starts_with('|')
            || t.starts_with('<')
            || t.starts_with("{{#include")
            || t.starts_with("{{#rustdoc_include")
            || t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("> ")
            || numbered.is_match(t);
        if structural {
            flush(&mut cur, start, &mut last_recording, &mut out);
            if t.is_empty() || t.starts_with('#') || t.starts_with('|') || t.starts_with('<') {
                if t.starts_with('#') {
                    last_recording = None;
                }
                continue;
            }
        }
        if cur.is_empty() {
            start = i + 1;
        }
        cur.push_str(t);
        cur.push('\n');
    }
    flush(&mut cur, start, &mut last_recording, &mut out);
    out
}

/// Splits a paragraph into sentences at `. `, `! `, `? ` before a capital,
/// a form or markup, never inside `` ` ``, `{{ }}`, `( )` or `$ $`; each
/// with the number of line breaks before it in the paragraph.
fn sentences(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let (mut out, mut cur) = (Vec::new(), String::new());
    let (mut seen, mut start) = (0, 0);
    let (mut code, mut math, mut braces, mut parens) = (false, false, 0i32, 0i32);
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            seen += 1;
        }
        if cur.is_empty() && c.is_whitespace() {
            continue;
        }
        if cur.is_empty() {
            start = seen;
        }
        cur.push(c);
        match c {
            '`' => code = !code,
            '$' if !code => math = !math,
            '{' if !code => braces += 1,
            '}' if !code => braces -= 1,
            '(' if !code && braces == 0 => parens += 1,
            ')' if !code && braces == 0 => parens = (parens - 1).max(0),
            _ => {}
        }
        let end = matches!(c, '.' | '!' | '?')
            && !code
            && !math
            && braces == 0
            && parens == 0
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && chars.get(i + 2).is_some_and(|n| {
                n.is_uppercase() || matches!(n, '{' | '`' | '*' | '[' | '_' | '"' | '“')
            });
        // Not after an abbreviation such as "e.g." or "i.e.".
        let abbrev = cur.ends_with("e.g.") || cur.ends_with("i.e.") || cur.ends_with("vs.");
        if end && !abbrev {
            out.push((start, cur.trim().to_owned()));
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push((start, cur.trim().to_owned()));
    }
    out
}

static STRIP: LazyLock<Regex> = LazyLock::new(|| {
    // Code spans, forms, math, link targets, footnote-style references,
    // HTML, and numbers that name things: figures, chapters, versions.
    Regex::new(r"`[^`]*`|\{\{[^}]*\}\}|\$[^$]*\$|\]\([^)]*\)|\]\[[^\]]*\]|<[^>]+>|(?i:\b(?:figure|chapter|section|table|exercise|note|python|cpython|rust|glibc|linux|version|go)\s+\d+(?:\.\d+)*)").unwrap()
});
/// A number that looks measured: with decimals, or with a unit of time,
/// size, share or ratio.
static MEASURED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d[\d,  ]*\.\d+\b|\b\d[\d,  ]*\s?(?:ns|µs|us|ms|s|seconds?|milliseconds?|microseconds?|nanoseconds?|KiB|MiB|GiB|kB|MB|GB|%|×|x|times|fold|percent)(?:\W|$)").unwrap()
});
/// Words that compare two measured things: a net, not a parser. It leaves
/// out words that rarely compare figures (a bare "more", "the same work"),
/// and catches what a reader takes as a result: "faster", "about the same",
/// "twice", "grows", "dominates", "more than".
static COMPARATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(faster|slower|quicker|cheaper|dearer|costlier|(?:more|less) expensive|longer than|shorter than|larger than|smaller than|bigger than|(?:more|less|fewer|higher|lower|better|worse) than|(?:about|roughly|nearly|almost|much) the same|the same (?:speed|time|cost|order)|as (?:fast|slow|long|much|expensive|cheap|quick) as|twice|half as|tenfold|\w+fold|times as|times (?:more|less|faster|slower)|close to|grows?|grew|growing|scales?|scaled|dominat\w*|outperform\w*|beats?|most of the time|falls? behind|ahead of|no faster|no slower|not much)\b").unwrap()
});

/// A problem with one sentence.
#[derive(Debug)]
pub struct Problem {
    pub at: String,
    pub message: String,
}

/// The declared statements of every chapter, with where they are.
pub fn statements() -> Result<Vec<(Sentence, String, Statement)>, String> {
    let mut out = Vec::new();
    for md in chapters() {
        let text = read(&md)?;
        for c in MARKUP.captures_iter(&text) {
            let start = c.get(0).unwrap().start();
            let n = text[..start].matches('\n').count();
            {
                if &c[1] == "claim" {
                    let s = Statement::parse(c[2].trim())
                        .map_err(|e| format!("{}:{}: {e}", rel(&md), n + 1))?;
                    out.push((
                        Sentence {
                            file: md.clone(),
                            line: n + 1,
                        },
                        c[2].trim().to_owned(),
                        s,
                    ));
                }
            }
        }
    }
    Ok(out)
}

fn chapters() -> Vec<PathBuf> {
    let mut v = files(&root().join("src"), ".md");
    v.sort();
    v
}

/// Every problem of the prose against `figures`: forms that do not
/// resolve or hold, and undeclared sentences.
pub fn problems(figures: &Figures) -> Result<Vec<Problem>, String> {
    let names: Vec<String> = figures.keys().cloned().collect();
    let sources: HashMap<String, String> = measurements()?
        .into_iter()
        .map(|m| Ok((m.name, read(&m.source)?)))
        .collect::<Result<_, String>>()?;
    let mut out = Vec::new();
    for md in chapters() {
        let text = read(&md)?;
        out.extend(check_text(&md, &text, figures, &names, &sources));
    }
    Ok(out)
}

fn check_text(
    md: &Path,
    text: &str,
    figures: &Figures,
    names: &[String],
    sources: &HashMap<String, String>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let at = |line: usize| format!("{}:{line}", rel(md));
    // Forms: every one resolves, every statement holds.
    {
        for c in MARKUP.captures_iter(text) {
            let n = text[..c.get(0).unwrap().start()].matches('\n').count();
            let (kind, arg) = (&c[1], c[2].trim());
            let r = match kind {
                "value" => value_text(arg, figures).map(|_| ()),
                "range" => range_text(arg, figures).map(|_| ()),
                "reason" if arg.len() < 8 => Err("a reason says why, in words".into()),
                "claim" => Statement::parse(arg).and_then(|s| match s.holds(figures)? {
                    (true, _) => Ok(()),
                    (false, spans) => Err(format!(
                        "does not hold of the recordings: {}",
                        describe(&s, &spans)
                    )),
                }),
                _ => Ok(()),
            };
            if let Err(e) = r {
                out.push(Problem {
                    at: at(n + 1),
                    message: format!("{}: {e}", &c[0]),
                });
            }
        }
    }
    // Sentences in paragraphs that cite a measurement.
    let mention = |p: &str| -> Vec<String> {
        names
            .iter()
            .filter(|n| p.contains(&format!("`{n}`")) || p.contains(&format!("{n}:")))
            .cloned()
            .collect()
    };
    for p in paragraphs(text, names) {
        let mut cited = mention(&p.text);
        cited.extend(p.after_recording.clone());
        cited.sort();
        cited.dedup();
        if cited.is_empty() {
            continue;
        }
        let inputs = |digits: &str| {
            cited
                .iter()
                .any(|n| sources.get(n).is_some_and(|s| number_in(s, digits)))
        };
        for (breaks, s) in sentences(&p.text) {
            let line = p.line + breaks;
            let bare = STRIP.replace_all(&s, " ");
            let declared =
                |form: &str| s.contains(&format!("{{{{#{form}")) || s.contains("{{#reason");
            let numbers: Vec<String> = MEASURED
                .find_iter(&bare)
                .map(|m| m.as_str().trim().to_owned())
                .filter(|m| {
                    let digits: String = m
                        .chars()
                        .filter(|c| c.is_ascii_digit() || *c == '.')
                        .collect();
                    !inputs(digits.trim_end_matches('.'))
                })
                .collect();
            // A bound figure is stripped above: any number left was typed.
            if !numbers.is_empty() && !s.contains("{{#reason") {
                out.push(Problem {
                    at: at(line),
                    message: format!(
                        "\"{}\": the number {} in a paragraph citing {} is typed in: bind it with {{{{#value NAME:KEY}}}}, or say why it is not a measured figure with {{{{#reason …}}}}",
                        short(&s),
                        numbers.join(", "),
                        cited.join(", ")
                    ),
                });
            }
            let words: Vec<String> = COMPARATIVE
                .find_iter(&bare)
                .map(|m| m.as_str().to_lowercase())
                .collect();
            if !words.is_empty() && !declared("claim") {
                out.push(Problem {
                    at: at(line),
                    message: format!(
                        "\"{}\": \"{}\" compares, in a paragraph citing {}: declare it with {{{{#claim …}}}}, or say why it needs none with {{{{#reason …}}}}",
                        short(&s),
                        words.join("\", \""),
                        cited.join(", ")
                    ),
                });
            }
        }
    }
    out
}

/// Whether the source holds `digits` as a number (an input of the example).
fn number_in(source: &str, digits: &str) -> bool {
    if digits.is_empty() {
        return false;
    }
    // The number stands alone: no digit or point right before or after it.
    let plain: String = source.replace('_', "");
    regex!(r"[\d.]+")
        .find_iter(&plain)
        .any(|m| m.as_str() == digits)
}

fn short(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 110 {
        format!("{}…", s.chars().take(110).collect::<String>())
    } else {
        s
    }
}

/// `A (p10–p90 …) < B (…)`, for a statement that failed.
pub fn describe(s: &Statement, spans: &[Span]) -> String {
    let mut text = String::new();
    for (i, sp) in spans.iter().enumerate() {
        if i > 0 {
            text += &format!(" {} ", s.relations[i - 1]);
        }
        text += &format!("[{}–{}]", sig(sp.lo), sig(sp.hi));
    }
    text
}

fn sig(v: f64) -> String {
    let d = digits(v);
    format!("{v:.d$}")
}

/// `cargo xtask test`: every measurement line parses, and the prose agrees
/// with the recordings.
pub fn check() -> Result<(), String> {
    let mut figures = Figures::new();
    let mut problems: Vec<String> = Vec::new();
    for m in measurements()? {
        match parse(&read(&m.recording)?) {
            Ok(list) => {
                figures.insert(m.name.clone(), list);
            }
            Err(e) => {
                problems.push(format!("{}: {e}", rel(&m.recording)));
                continue;
            }
        }
        let list = &figures[&m.name];
        if list.is_empty() {
            problems.push(format!(
                "{}: a measurement, but its recording has no line in the harness's form",
                rel(&m.recording)
            ));
        }
        for f in list {
            if f.n < 10 {
                problems.push(format!(
                    "{}: `{}` has n={}: a recording takes at least ten samples (was it recorded with --quick?)",
                    rel(&m.recording),
                    f.label,
                    f.n
                ));
            }
        }
    }
    problems.extend(
        self::problems(&figures)?
            .into_iter()
            .map(|p| format!("{}: {}", p.at, p.message)),
    );
    if problems.is_empty() {
        let n = statements()?.len();
        eprintln!(
            "    {} figures in {} recordings; {n} statements hold",
            figures.values().map(Vec::len).sum::<usize>(),
            figures.len()
        );
        Ok(())
    } else {
        Err(format!(
            "{} problems:\n{}",
            problems.len(),
            problems.join("\n")
        ))
    }
}

/// After `cargo xtask record`: the sentences the new recordings no longer
/// support, as a warning.
pub fn report_after_record() {
    match recorded().and_then(|f| problems(&f)) {
        Ok(list) if list.is_empty() => {}
        Ok(list) => {
            eprintln!(
                "\nthe new recordings no longer support {} sentence(s):",
                list.len()
            );
            for p in list {
                eprintln!("  {}: {}", p.at, p.message);
            }
        }
        Err(e) => eprintln!("\ncannot read the recordings back: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(name: &str, text: &str) -> Figures {
        let mut f = Figures::new();
        f.insert(name.to_owned(), parse(text).unwrap());
        f
    }

    const OUT: &str = "one round trip:\n  two threads, mpsc channels    median 36.6 µs (p10–p90 35.1–38.0, n=10)\n  two processes, pipes          median 43.0 µs (p10–p90 41.0–45.0, n=10)\nratio  median 1.30× (p10–p90 1.2–1.4, n=10)\nmemory  median 2.0 MiB (p10–p90 1.5–2.5, n=10)\n";

    #[test]
    fn the_epub_loses_the_lines_the_html_hides() {
        let md = "text\n# not code\n```rust,noplayground\n# use std::thread;\n#\nfn main() {\n    ## not hidden\n    #[cfg(test)]\n}\n```\n```python\n# a comment\n```\n";
        assert_eq!(
            without_hidden_lines(md),
            "text\n# not code\n```rust,noplayground\nfn main() {\n    # not hidden\n    #[cfg(test)]\n}\n```\n```python\n# a comment\n```\n"
        );
    }

    #[test]
    fn lines_parse_into_keys_and_base_units() {
        let f = parse(OUT).unwrap();
        assert_eq!(f[0].key, "two_threads_mpsc_channels");
        assert_eq!(f[0].median, 36_600.0);
        assert_eq!(f[2].dim, Dim::Plain);
        assert_eq!(f[3].p90, 2.5 * 1024.0 * 1024.0);
        assert!(parse("x median 3 (p10 2, n=1)").is_err());
        assert!(
            parse("a  median 1 ns (p10–p90 1–2, n=10)\na  median 1 ns (p10–p90 1–2, n=10)")
                .is_err()
        );
    }

    #[test]
    fn statements_compare_intervals() {
        let f = figs("rt", OUT);
        let holds = |s: &str| Statement::parse(s).unwrap().holds(&f).unwrap().0;
        assert!(holds(
            "rt:two_threads_mpsc_channels < rt:two_processes_pipes"
        ));
        assert!(!holds(
            "rt:two_threads_mpsc_channels > rt:two_processes_pipes"
        ));
        assert!(!holds(
            "rt:two_threads_mpsc_channels ~ rt:two_processes_pipes"
        ));
        assert!(holds("rt:ratio > 1"));
        assert!(holds("1 < rt:ratio < 2"));
        assert!(holds(
            "rt:two_processes_pipes / rt:two_threads_mpsc_channels > 1"
        ));
        assert!(holds("rt:two_threads_mpsc_channels < 50µs"));
        assert!(holds(
            "2 * rt:two_threads_mpsc_channels > rt:two_processes_pipes"
        ));
        assert!(Statement::parse("rt:ratio").is_err());
        assert!(Statement::parse("rt:ratio < 1").unwrap().holds(&f).is_ok());
        assert!(
            Statement::parse("rt:ratio < 1ms")
                .unwrap()
                .holds(&f)
                .is_err()
        );
        assert!(
            Statement::parse("rt:nothing < 1")
                .unwrap()
                .holds(&f)
                .is_err()
        );
    }

    #[test]
    fn forms_render_as_the_harness_prints() {
        let f = figs("rt", OUT);
        let r = render(
            "{{#claim rt:ratio > 1}} Threads took {{#value rt:two_threads_mpsc_channels}} ({{#range rt:two_threads_mpsc_channels}}), {{#value rt:two_processes_pipes / rt:two_threads_mpsc_channels}} less.",
            &f,
        )
        .unwrap();
        assert_eq!(
            r,
            "Threads took 36.6\u{a0}µs (35.1–38.0\u{a0}µs), 1.2× less."
        );
        assert!(render("{{#value rt:missing}}", &f).is_err());
        // A line of declarations alone does not split its paragraph.
        assert_eq!(
            render("One.\n{{#claim rt:ratio > 1}}\nTwo.\n", &f).unwrap(),
            "One.\nTwo.\n"
        );
    }

    #[test]
    fn undeclared_sentences_in_citing_paragraphs_are_flagged() {
        let f = figs("rt", OUT);
        let names = vec!["rt".to_owned()];
        let sources = HashMap::from([("rt".to_owned(), "let n = 20_000;".to_owned())]);
        let md = Path::new("src/x.md");
        let check = |t: &str| check_text(md, t, &f, &names, &sources);
        // A typed-in figure and an undeclared comparison.
        let p = check("The example `rt` ran.\nThreads took 36.6 µs. Processes were slower.\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].message.contains("36.6"));
        assert!(p[1].message.contains("slower"));
        // Bound, declared, inputs and reasons pass.
        // A typed number beside a bound one is still typed.
        assert_eq!(
            check("The example `rt`: {{#value rt:ratio}}, or 1.3×.\n").len(),
            1
        );
        assert!(check("The example `rt` makes 20000 trips. Threads took {{#value rt:ratio}}. {{#claim rt:ratio > 1}} Processes were slower. {{#reason the kernel's limit, not a figure}} Pipes hold 64 KiB.\n").is_empty());
        // A paragraph that cites nothing is not checked.
        assert!(check("Processes are slower, 2.5 times.\n").is_empty());
        // The paragraph right after a measurement's recording cites it.
        let after =
            "```console\n{{#include ../listings/output/rt.txt}}\n```\n\nThreads were faster.\n";
        assert_eq!(check(after).len(), 1);
        // A claim that does not hold names file and line.
        let p = check("\nThe example `rt`: {{#claim rt:ratio < 1}} processes were faster.\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].at, "src/x.md:2");
        assert!(p[0].message.contains("does not hold"), "{}", p[0].message);
    }

    #[test]
    fn sentences_split_outside_code_and_forms() {
        let s = sentences("It took 1.5 s. Then `a. B` ran,\ne.g. Twice.\n{{#claim a:b > 1}} Done.");
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(s[2], (2, "{{#claim a:b > 1}} Done.".to_owned()));
    }
}
