//! A frame for generated SVG figures that stays legible in every mdBook theme:
//! the figure is included inline, so it can draw with the theme's own colours.

/// Escapes text for SVG.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Wraps `body` in an `<svg>` with a title, an accessible description and
/// classes `fg`, `muted`, `accent`, `accent2`, `grid`, `box` bound to theme
/// colours. The result has no blank line, so Markdown keeps it one HTML block.
pub fn frame(id: &str, width: u32, height: u32, title: &str, desc: &str, body: &str) -> String {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" role="img" aria-labelledby="{id}-title {id}-desc">
<title id="{id}-title">{title}</title>
<desc id="{id}-desc">{desc}</desc>
<style>
#{id} text {{ font-family: "Open Sans", sans-serif; font-size: 13px; fill: var(--fg); }}
#{id} .muted {{ fill: var(--fg); opacity: 0.7; }}
#{id} .accent {{ fill: var(--links); }}
#{id} .accent2 {{ fill: #e8890c; }}
#{id} .grid {{ stroke: var(--fg); stroke-opacity: 0.25; stroke-width: 1; }}
#{id} .axis {{ stroke: var(--fg); stroke-width: 1; fill: none; }}
#{id} .line {{ stroke: var(--links); stroke-width: 2; fill: none; }}
#{id} .line2 {{ stroke: #e8890c; stroke-width: 2; fill: none; stroke-dasharray: 6 4; }}
#{id} .box {{ fill: var(--quote-bg); stroke: var(--fg); stroke-opacity: 0.4; }}
</style>
<g id="{id}">
{body}
</g>
</svg>
"#,
        title = escape(title),
        desc = escape(desc),
    );
    svg.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_has_no_blank_line_and_escapes_text() {
        let svg = frame("f", 100, 50, "a < b", "d & e", "\n<rect/>\n\n");
        assert!(!svg.contains("\n\n"));
        assert!(svg.contains("<title id=\"f-title\">a &lt; b</title>"));
        assert!(svg.contains("d &amp; e"));
    }
}
