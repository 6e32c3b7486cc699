//! Solution: read a harness line and judge a comparison.

/// One figure, as a harness line prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub median: f64,
    pub p10: f64,
    pub p90: f64,
    /// The number of samples.
    pub n: usize,
    /// The unit as printed: `"µs"`, `"×"`, `"%"`, `"KiB"`; `""` if none.
    pub unit: String,
}

/// Finds the figure labelled `label` in `output`, from the first line of the
/// form `LABEL  median M UNIT (p10–p90 A–B, n=N)` with that label (see the
/// starter for the exact rules). `None` if there is no such line, or it does
/// not have the form.
pub fn figure(output: &str, label: &str) -> Option<Figure> {
    let rest = output.lines().find_map(|line| {
        let after = line.trim_start().strip_prefix(label)?.strip_prefix("  ")?;
        after.trim_start_matches(' ').strip_prefix("median ")
    })?;
    let (value, rest) = rest.trim_end().split_once(" (p10–p90 ")?;
    let (range, n) = rest.strip_suffix(')')?.split_once(", n=")?;
    let (p10, p90) = range.split_once('–')?;
    // The median runs to the first character a number cannot hold; the unit
    // is the rest, less the one space that may separate it.
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-')))
        .unwrap_or(value.len());
    let (median, unit) = value.split_at(end);
    let unit = unit.strip_prefix(' ').unwrap_or(unit);
    if unit.contains(' ') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Figure {
        median: number(median)?,
        p10: number(p10)?,
        p90: number(p90)?,
        n: n.parse().ok()?,
        unit: unit.to_owned(),
    })
}

/// An optional `-`, then an ASCII digit, then digits with at most one `.`.
fn number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let well_formed = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.matches('.').count() <= 1;
    if well_formed { text.parse().ok() } else { None }
}

/// How one figure compares with another, by the book's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The first figure's p90 is below the second's p10.
    Less,
    /// The first figure's p10 is above the second's p90.
    Greater,
    /// The two p10–p90 intervals overlap, if only at one end.
    Same,
}

/// Judges `a` against `b` by their p10–p90 intervals; `None` if their units
/// differ.
pub fn compare(a: &Figure, b: &Figure) -> Option<Verdict> {
    if a.unit != b.unit {
        return None;
    }
    Some(if a.p90 < b.p10 {
        Verdict::Less
    } else if a.p10 > b.p90 {
        Verdict::Greater
    } else {
        Verdict::Same
    })
}
