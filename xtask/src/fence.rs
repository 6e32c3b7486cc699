//! The one reader of Markdown code fences, shared by xtask and by the
//! doctest build script (`tests/build.rs` includes this file by path, so it
//! uses nothing but std).
//!
//! The rules are CommonMark's (<https://spec.commonmark.org/0.31.2/#fenced-code-blocks>):
//! a fence is a run of at least three backticks or three tildes; the block
//! ends at a line holding only a run of the same character at least as long;
//! a backtick fence's info string holds no backtick; a block never closed
//! runs to the end of the text. One difference: the fence may be indented
//! any amount, as fences inside the book's list items are.

/// A fenced code block: where it opens and closes (0-based line numbers) and
/// its info string (`rust,noplayground`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    pub open: usize,
    /// The closing fence's line, or `None` if the block runs to the end.
    pub close: Option<usize>,
    pub info: &'a str,
    /// The fence's character (`` ` `` or `~`) and length.
    pub marker: char,
    pub len: usize,
}

impl Block<'_> {
    /// The info string's first word, the block's language (`rust`).
    pub fn language(&self) -> &str {
        self.info.split([',', ' ']).next().unwrap_or("")
    }

    /// The info string's words after the language (`noplayground`).
    pub fn attributes(&self) -> impl Iterator<Item = &str> {
        self.info
            .split([',', ' '])
            .skip(1)
            .filter(|w| !w.is_empty())
    }

    /// The lines strictly between the fences.
    pub fn body(&self, line_count: usize) -> std::ops::Range<usize> {
        self.open + 1..self.close.unwrap_or(line_count)
    }
}

/// The fence a line opens, if it opens one: (marker, length, info).
fn opening(line: &str) -> Option<(char, usize, &str)> {
    let t = line.trim_start();
    let marker = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = t.chars().take_while(|&c| c == marker).count();
    if len < 3 {
        return None;
    }
    let info = t[len..].trim();
    if marker == '`' && info.contains('`') {
        return None; // an inline code span, not a fence
    }
    Some((marker, len, info))
}

/// Whether `line` closes a block opened with `len` `marker`s.
fn closes(line: &str, marker: char, len: usize) -> bool {
    let t = line.trim();
    t.chars().take_while(|&c| c == marker).count() >= len && t.chars().all(|c| c == marker)
}

/// Every fenced code block in `text`, in order.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((marker, len, info)) = opening(lines[i]) else {
            i += 1;
            continue;
        };
        let close = (i + 1..lines.len()).find(|&j| closes(lines[j], marker, len));
        found.push(Block {
            open: i,
            close,
            info,
            marker,
            len,
        });
        i = close.map_or(lines.len(), |c| c + 1);
    }
    found
}

/// For every line of `text`: the index in [`blocks`] of the block it belongs
/// to (its fences included), or `None` for a line of prose.
pub fn block_of_line(text: &str) -> Vec<Option<usize>> {
    let count = text.lines().count();
    let mut of = vec![None; count];
    for (b, block) in blocks(text).iter().enumerate() {
        let end = block.close.map_or(count, |c| c + 1);
        for slot in &mut of[block.open..end] {
            *slot = Some(b);
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_fence_holds_a_shorter_one() {
        let text = "````markdown\n```rust\nfn main() {}\n```\n````\nafter\n";
        let b = blocks(text);
        assert_eq!(b.len(), 1);
        assert_eq!((b[0].open, b[0].close, b[0].info), (0, Some(4), "markdown"));
        assert_eq!(
            block_of_line(text),
            [Some(0), Some(0), Some(0), Some(0), Some(0), None]
        );
    }

    #[test]
    fn tildes_close_only_tildes_and_info_strings_split() {
        let text = "~~~rust,noplayground\n```\n~~~\n  ```python fragment\nx = 1\n  ```\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].close, Some(2));
        assert_eq!(b[0].language(), "rust");
        assert_eq!(b[0].attributes().collect::<Vec<_>>(), ["noplayground"]);
        assert_eq!((b[1].open, b[1].close), (3, Some(5)));
        assert_eq!(b[1].language(), "python");
        assert_eq!(b[1].body(6), 4..5);
    }

    #[test]
    fn inline_code_and_short_runs_are_not_fences() {
        assert!(blocks("``not a fence``\n```a`b```\n`` x\n").is_empty());
    }

    #[test]
    fn an_unclosed_block_runs_to_the_end() {
        let b = blocks("text\n```rust\nlet x = 1;\n");
        assert_eq!((b[0].open, b[0].close), (1, None));
        assert_eq!(b[0].body(3), 2..3);
        // A closing fence needs at least the opening's length.
        assert_eq!(blocks("````\n```\n")[0].close, None);
    }
}
