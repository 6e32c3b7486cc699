//! Links into the book keep working after a rename. `xtask/published.txt`
//! lists every page and heading id the book has published; each must still
//! resolve in the built site: the page exists (or `[output.html.redirect]`
//! in `book.toml` sends it on), and the heading id is on that page (or on the
//! page it redirects to, or has a redirect of its own). A heading that moves
//! keeps its old id with an explicit `{#old-id}`.
//!
//! New pages and headings join the list with `cargo xtask record --ids`; the
//! check fails until they have, so the list never falls behind the book.
use crate::util::{files, read, rel, root, write};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LIST: &str = "xtask/published.txt";

/// Pages that are not chapters: generated, or the site's own.
fn is_content_page(name: &str) -> bool {
    !matches!(name, "print.html" | "404.html" | "toc.html")
}

/// Every content page of the built site and its heading ids, as
/// `page.html` and `page.html#id` (paths from the site's root).
fn published_now(site: &Path) -> Result<BTreeSet<String>, String> {
    let mut now = BTreeSet::new();
    for page in files(site, ".html") {
        let name = page
            .strip_prefix(site)
            .unwrap_or(&page)
            .to_string_lossy()
            .into_owned();
        if !is_content_page(&name) || name.starts_with("katex/") {
            continue;
        }
        let html = read(&page)?;
        if is_redirect(&html) {
            continue;
        }
        for c in regex!(r#"<h[1-6] id="([^"]+)""#).captures_iter(&html) {
            now.insert(format!("{name}#{}", &c[1]));
        }
        now.insert(name);
    }
    Ok(now)
}

/// mdBook writes a redirect as a small page that refreshes to its target.
fn is_redirect(html: &str) -> bool {
    html.contains(r#"http-equiv="refresh""#)
}

/// `[output.html.redirect]`: old path (without its leading `/`) to target.
fn redirects() -> Result<BTreeMap<String, String>, String> {
    let book: toml::Table = read(&root().join("book.toml"))?
        .parse()
        .map_err(|e| format!("book.toml: {e}"))?;
    let table = book
        .get("output")
        .and_then(|o| o.get("html"))
        .and_then(|h| h.get("redirect"))
        .and_then(|r| r.as_table())
        .cloned()
        .unwrap_or_default();
    Ok(table
        .into_iter()
        .filter_map(|(k, v)| Some((k.trim_start_matches('/').to_owned(), v.as_str()?.to_owned())))
        .collect())
}

fn listed() -> Result<BTreeSet<String>, String> {
    Ok(read(&root().join(LIST))?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .map(str::to_owned)
        .collect())
}

/// Whether `entry` (`page.html` or `page.html#id`) still leads somewhere.
fn resolves(
    entry: &str,
    now: &BTreeSet<String>,
    redirects: &BTreeMap<String, String>,
) -> Result<(), String> {
    if now.contains(entry) || redirects.contains_key(entry) {
        return Ok(());
    }
    let (page, fragment) = entry.split_once('#').unwrap_or((entry, ""));
    let Some(target) = redirects.get(page) else {
        return Err(if now.contains(page) {
            format!(
                "{entry}: the page has no heading `{fragment}` any more; keep the old id with {{#{fragment}}} on the heading that took its place, or add a redirect for it to book.toml"
            )
        } else {
            format!(
                "{entry}: the page is gone; add a redirect for /{page} to [output.html.redirect] in book.toml"
            )
        });
    };
    // A redirected page: its headings must be on the target page.
    let target_page = target.split('#').next().unwrap_or(target);
    let moved = if fragment.is_empty() {
        target_page.to_owned()
    } else {
        format!("{target_page}#{fragment}")
    };
    if now.contains(&moved) {
        Ok(())
    } else {
        Err(format!(
            "{entry}: /{page} redirects to {target}, which has no `{}`",
            moved.split_once('#').map_or(moved.as_str(), |(_, f)| f)
        ))
    }
}

/// The check, on a built site.
pub fn check(site: &Path) -> Result<(), String> {
    let now = published_now(site)?;
    let listed = listed()?;
    let redirects = redirects()?;
    let mut problems: Vec<String> = listed
        .iter()
        .filter_map(|e| resolves(e, &now, &redirects).err())
        .collect();
    let new: Vec<&String> = now.difference(&listed).collect();
    if !new.is_empty() {
        problems.push(format!(
            "{} new pages or headings are not in {LIST} (run `cargo xtask record --ids`): {}",
            new.len(),
            new.iter()
                .take(5)
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    eprintln!(
        "    {} published pages and headings still resolve",
        listed.len()
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `cargo xtask record --ids`: adds the built site's new pages and headings
/// to the list; never removes one.
pub fn record() -> Result<(), String> {
    let site = crate::book::build()?;
    let mut all = listed().unwrap_or_default();
    let before = all.len();
    all.extend(published_now(&site)?);
    let header = "# Every page and heading id the book has published: links into the book.\n\
                  # Each must keep resolving (xtask/src/published.rs). `cargo xtask record --ids`\n\
                  # adds new ones; an entry is never removed.\n";
    let body: String = all.iter().map(|e| format!("{e}\n")).collect();
    write(&root().join(LIST), format!("{header}{body}"))?;
    eprintln!(
        "{}: {} entries, {} new",
        rel(&root().join(LIST)),
        all.len(),
        all.len() - before
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_renamed_page_or_heading_must_leave_a_way_back() {
        let now = set(&[
            "threads.html",
            "threads.html#spawn",
            "tasks.html",
            "tasks.html#join",
        ]);
        let none = BTreeMap::new();
        assert!(resolves("threads.html#spawn", &now, &none).is_ok());
        let gone = resolves("threads.html#scoped", &now, &none).unwrap_err();
        assert!(gone.contains("{#scoped}"), "{gone}");
        assert!(
            resolves("async.html", &now, &none)
                .unwrap_err()
                .contains("redirect")
        );
        let moved: BTreeMap<String, String> =
            [("async.html".to_string(), "tasks.html".to_string())].into();
        assert!(resolves("async.html", &now, &moved).is_ok());
        assert!(resolves("async.html#join", &now, &moved).is_ok());
        assert!(resolves("async.html#select", &now, &moved).is_err());
        let fragment: BTreeMap<String, String> = [(
            "async.html#select".to_string(),
            "tasks.html#join".to_string(),
        )]
        .into();
        assert!(resolves("async.html#select", &now, &fragment).is_ok());
    }
}
