//! Solution: read a figure from a recorded output.

/// One figure read from an output: a number and its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// The unit, such as `µs`, `ms`, `ns` or `x`; empty if there is none.
    pub unit: String,
}

/// Finds the first line of `output` that, once leading spaces are removed,
/// starts with `label`, and returns the first number after the label, with
/// its unit (see the starter for the exact rules).
pub fn figure(output: &str, label: &str) -> Option<Figure> {
    let rest = output
        .lines()
        .find_map(|line| line.trim_start().strip_prefix(label))?;
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    let rest = &rest[start..];
    let mut seen_dot = false;
    let len = rest
        .char_indices()
        .find(|&(i, c)| {
            let dot =
                c == '.' && !seen_dot && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit());
            seen_dot |= dot;
            !(c.is_ascii_digit() || dot)
        })
        .map_or(rest.len(), |(i, _)| i);
    let value = rest[..len].parse().ok()?;
    let after = &rest[len..];
    let unit = match after.split_whitespace().next() {
        // Glued to the number: "12.4ms".
        Some(word) if !after.starts_with(char::is_whitespace) => word,
        // The next word, if it is not another number: "40.6 µs".
        Some(word) if !word.contains(|c: char| c.is_ascii_digit()) => word,
        _ => "",
    };
    Some(Figure {
        value,
        unit: unit.to_string(),
    })
}

/// This machine's value divided by the book's, for the same figure. `None`
/// if the units differ or the book's value is 0.
pub fn ratio(this: &Figure, book: &Figure) -> Option<f64> {
    (this.unit == book.unit && book.value != 0.0).then(|| this.value / book.value)
}
