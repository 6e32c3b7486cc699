//! Figures drawn from recorded outputs, such as a timeline of a real run or a
//! measured speedup curve. Each figure names the recorded output it is drawn
//! from and the SVG file it writes. `cargo xtask record` redraws every figure
//! after recording; `cargo xtask test` fails when a committed SVG is not what
//! the current recording draws.
//!
//! To add one: write `xtask/src/figures/NAME.rs` with a
//! `pub fn draw(recorded: &str) -> Result<String, String>` that returns the
//! SVG (use [`svg`] for the theme-aware frame), declare the module below and
//! add it to [`FIGURES`].
use crate::util::{read, rel, root};

mod amdahl_speedup;
mod multitasking_timeslice;
pub mod svg;

pub struct Figure {
    /// The recorded output, relative to the repository root.
    pub output: &'static str,
    /// The SVG it draws, relative to the repository root (under `src/`).
    pub svg: &'static str,
    pub draw: fn(&str) -> Result<String, String>,
}

/// Every generated figure of the book.
pub const FIGURES: &[Figure] = &[
    Figure {
        output: "listings/output/multitasking_timeslice.txt",
        svg: "src/multitasking/timeslice.svg",
        draw: multitasking_timeslice::draw,
    },
    Figure {
        output: "listings/output/amdahl_speedup.txt",
        svg: "src/amdahl/speedup.svg",
        draw: amdahl_speedup::draw,
    },
];

fn render(figure: &Figure) -> Result<String, String> {
    let recorded = read(&root().join(figure.output))?;
    (figure.draw)(&recorded).map_err(|e| format!("drawing {}: {e}", figure.svg))
}

/// Redraws every figure from its recording.
pub fn redraw() -> Result<(), String> {
    for figure in FIGURES {
        let path = root().join(figure.svg);
        crate::util::write(&path, render(figure)?)?;
        eprintln!("drew {} from {}", figure.svg, figure.output);
    }
    Ok(())
}

/// Every committed figure is what its current recording draws.
pub fn check() -> Result<(), String> {
    let mut stale = Vec::new();
    for figure in FIGURES {
        let path = root().join(figure.svg);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != render(figure)? {
            stale.push(format!(
                "{} is not what {} draws (run `cargo xtask record --figures`)",
                rel(&path),
                figure.output
            ));
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(stale.join("\n"))
    }
}
