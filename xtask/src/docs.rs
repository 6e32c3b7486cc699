//! The contributor docs keep their promises: CONTRIBUTING.md stays short
//! enough to read before a first pull request, its recipe for an example
//! stays at five steps, and the pull-request template's chapter checklist is
//! CONTRIBUTING's chapter recipe, step for step.
use crate::util::{read, root};

/// CONTRIBUTING.md's size limit, in bytes: the rest lives in STYLE.md and
/// MAINTAINING.md.
const CONTRIBUTING_LIMIT: usize = 6000;
/// The most steps *Add an example* may take.
const EXAMPLE_STEPS: usize = 5;

/// The lines of `text` under the heading `heading` (up to the next heading
/// of the same or a higher level).
fn section<'a>(text: &'a str, heading: &str) -> Option<Vec<&'a str>> {
    let level = heading.chars().take_while(|&c| c == '#').count();
    let mut lines = text.lines();
    lines.by_ref().find(|l| l.trim_end() == heading)?;
    Some(
        lines
            .take_while(|l| {
                let hashes = l.chars().take_while(|&c| c == '#').count();
                !(hashes > 0 && hashes <= level && l[hashes..].starts_with(' '))
            })
            .collect(),
    )
}

/// The steps of a numbered list (`1. TEXT`), each joined onto one line.
fn numbered_steps(lines: &[&str]) -> Vec<String> {
    let mut steps: Vec<String> = Vec::new();
    for line in lines {
        let t = line.trim();
        let number = t.split_once(". ").filter(|(n, _)| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && !line.starts_with(' ')
        });
        match (number, steps.last_mut()) {
            (Some((_, text)), _) => steps.push(text.to_owned()),
            // A wrapped line of the step above.
            (None, Some(step)) if line.starts_with("   ") && !t.is_empty() => {
                step.push(' ');
                step.push_str(t);
            }
            _ => {}
        }
    }
    steps
}

/// The items of a checklist (`- [ ] TEXT`).
fn checklist(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| l.trim().strip_prefix("- [ ] "))
        .map(str::to_owned)
        .collect()
}

pub fn check() -> Result<(), String> {
    let contributing = read(&root().join("CONTRIBUTING.md"))?;
    let template = read(&root().join(".github/pull_request_template.md"))?;
    let mut problems = Vec::new();
    if contributing.len() > CONTRIBUTING_LIMIT {
        problems.push(format!(
            "CONTRIBUTING.md is {} bytes, over its {CONTRIBUTING_LIMIT}: move detail to STYLE.md or MAINTAINING.md",
            contributing.len()
        ));
    }
    let example = section(&contributing, "## Add an example")
        .ok_or("CONTRIBUTING.md has no `## Add an example`")?;
    let example_steps = numbered_steps(&example).len();
    if example_steps > EXAMPLE_STEPS {
        problems.push(format!(
            "CONTRIBUTING.md: *Add an example* takes {example_steps} steps, over {EXAMPLE_STEPS}"
        ));
    }
    let recipe = numbered_steps(
        &section(&contributing, "## Add a chapter")
            .ok_or("CONTRIBUTING.md has no `## Add a chapter`")?,
    );
    let items = checklist(
        &section(&template, "## New chapter checklist")
            .ok_or(".github/pull_request_template.md has no `## New chapter checklist`")?,
    );
    if recipe.is_empty() {
        problems.push("CONTRIBUTING.md: *Add a chapter* has no numbered steps".into());
    }
    for i in 0..recipe.len().max(items.len()) {
        match (recipe.get(i), items.get(i)) {
            (Some(r), Some(t)) if r == t => {}
            (r, t) => problems.push(format!(
                "the pull-request template's new-chapter checklist differs from CONTRIBUTING.md's \
                 *Add a chapter* at step {}:\n    CONTRIBUTING: {}\n    template:     {}",
                i + 1,
                r.map_or("(none)", String::as_str),
                t.map_or("(none)", String::as_str)
            )),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Contributing\n\n## Add a chapter\n\nIntro.\n\n1. Open an issue.\n2. Write the\n   chapter.\n\n## Add an example\n\n1. One.\n";

    #[test]
    fn steps_are_read_under_their_heading_and_wrapped_lines_joined() {
        let chapter = section(DOC, "## Add a chapter").unwrap();
        assert_eq!(
            numbered_steps(&chapter),
            ["Open an issue.", "Write the chapter."]
        );
        let example = section(DOC, "## Add an example").unwrap();
        assert_eq!(numbered_steps(&example), ["One."]);
        assert!(section(DOC, "## Missing").is_none());
    }

    #[test]
    fn a_checklist_is_its_unticked_items() {
        let t = "## New chapter checklist\n\n- [ ] Open an issue.\n- [ ] Write the chapter.\n";
        let items = checklist(&section(t, "## New chapter checklist").unwrap());
        assert_eq!(items, ["Open an issue.", "Write the chapter."]);
    }

    #[test]
    fn the_docs_agree() {
        check().unwrap();
    }
}
