//! Every link the chapters make into Rust's documentation resolves, fragment
//! included: links to doc.rust-lang.org are checked against the docs rustup
//! installs with the toolchain (the `rust-docs` component), and links to
//! docs.rs against `cargo doc` of the crate versions in `Cargo.lock`.
use crate::util::{cargo, files, read, rel, root, target_dir};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One link, where it was found, and the local file and fragment it means.
struct Link {
    url: String,
    found_in: String,
    file: PathBuf,
    fragment: Option<String>,
}

/// Crates in `Cargo.lock` that `cargo doc` cannot build from here: loom is
/// a dependency only under `cfg(loom)`, which cargo does not select.
const NOT_DOCUMENTED: &[&str] = &["loom"];

pub fn check() -> Result<(), String> {
    let url = Regex::new(r#"https://(doc\.rust-lang\.org|docs\.rs)/[^\s)>"'\]]*"#).unwrap();
    let locked = locked_crates()?;
    let std_docs = sysroot()?.join("share/doc/rust/html");
    if !std_docs.join("std/index.html").exists() {
        return Err(format!(
            "no local std docs in {}: `rustup component add rust-docs` (rust-toolchain.toml lists it)",
            std_docs.display()
        ));
    }
    let mut links = Vec::new();
    let mut problems = Vec::new();
    let mut outside = BTreeSet::new();
    let mut to_document = BTreeSet::new();
    for md in files(&root().join("src"), ".md") {
        let text = read(&md)?;
        for m in url.find_iter(&text) {
            let u = m.as_str().trim_end_matches(['.', ',']).to_owned();
            let (path, fragment) = match u.split_once('#') {
                Some((p, f)) => (p.to_owned(), Some(f.to_owned())),
                None => (u.clone(), None),
            };
            let file = if let Some(rest) = path.strip_prefix("https://doc.rust-lang.org/") {
                // `nightly/` and `stable/` name a channel; the pages are the same.
                let rest = rest
                    .strip_prefix("nightly/")
                    .or_else(|| rest.strip_prefix("stable/"))
                    .unwrap_or(rest);
                std_docs.join(rest)
            } else {
                let rest = path.trim_start_matches("https://docs.rs/");
                let mut parts = rest.splitn(3, '/');
                let krate = parts.next().unwrap_or_default().to_owned();
                if !locked.contains(&krate) || NOT_DOCUMENTED.contains(&krate.as_str()) {
                    let _version = parts.next();
                    let name = krate.replace('-', "_");
                    if parts
                        .next()
                        .is_some_and(|p| p.trim_end_matches('/') != name)
                    {
                        problems.push(format!(
                            "{}: {u}: {krate}'s pages cannot be built here (not in Cargo.lock, or in NOT_DOCUMENTED): link the crate's root only",
                            rel(&md)
                        ));
                    } else {
                        outside.insert(krate);
                    }
                    continue;
                }
                to_document.insert(krate.clone());
                let _version = parts.next();
                let name = krate.replace('-', "_");
                match parts.next() {
                    Some(p) if !p.is_empty() && p.trim_end_matches('/') != name => {
                        target_dir().join("doc").join(p)
                    }
                    _ => target_dir().join("doc").join(name),
                }
            };
            links.push(Link {
                url: u,
                found_in: rel(&md),
                file,
                fragment,
            });
        }
    }
    let mut args = vec!["doc", "--no-deps", "--quiet"];
    for k in &to_document {
        args.extend(["--package", k.as_str()]);
    }
    cargo(&args)?;
    let mut pages: BTreeMap<PathBuf, String> = BTreeMap::new();
    for link in &links {
        let mut file = link.file.clone();
        if file.is_dir() || link.url.ends_with('/') {
            file = file.join("index.html");
        }
        if !file.exists() {
            problems.push(format!(
                "{}: {} has no page ({} is missing)",
                link.found_in,
                link.url,
                file.display()
            ));
            continue;
        }
        let Some(fragment) = &link.fragment else {
            continue;
        };
        if !page_has_id(&mut pages, &file, fragment) {
            problems.push(format!(
                "{}: {}: no `#{fragment}` on that page",
                link.found_in, link.url
            ));
        }
    }
    eprintln!(
        "    {} links into Rust's documentation checked against local docs{}",
        links.len(),
        if outside.is_empty() {
            String::new()
        } else {
            format!(
                "; crate roots not checked: {}",
                outside.into_iter().collect::<Vec<_>>().join(", ")
            )
        }
    );
    python_links(&mut problems)?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Links to Python documentation newer than the Python 3.11 docs of Debian
/// 12 (`python3-doc`), which CI checks against: the pages and anchors of
/// features Python 3.13 and 3.14 added.
const PYTHON_NEWER: &[&str] = &[
    "howto/free-threading-python.html",                     // 3.13
    "library/concurrent.interpreters.html",                 // 3.14
    "whatsnew/3.13.html#free-threaded-cpython",             // 3.13
    "library/os.html#os.process_cpu_count",                 // 3.13
    "library/queue.html#queue.Queue.shutdown",              // 3.13
    "using/cmdline.html#envvar-PYTHON_GIL",                 // 3.13
    "using/configure.html#cmdoption-with-thread-sanitizer", // 3.13
];

/// Every docs.python.org link resolves, page and fragment, in the Python
/// documentation installed on this machine (Debian's `python3-doc`, which
/// `.ci/run` installs; `PYTHON_DOCS=DIR` names another copy). Without it,
/// CI fails; elsewhere the check says so and passes.
fn python_links(problems: &mut Vec<String>) -> Result<(), String> {
    let url =
        Regex::new(r#"https://docs\.python\.org/3/([^\s)#>"'\]]*)(?:#([^\s)>"'\]]*))?"#).unwrap();
    let mut links: BTreeMap<(String, String), String> = BTreeMap::new();
    for md in files(&root().join("src"), ".md") {
        for c in url.captures_iter(&read(&md)?) {
            let page = c[1].trim_end_matches(['.', ',']).to_owned();
            let fragment = c
                .get(2)
                .map_or("", |m| m.as_str())
                .trim_end_matches(['.', ',']);
            links
                .entry((page, fragment.to_owned()))
                .or_insert_with(|| rel(&md));
        }
    }
    let docs = std::env::var_os("PYTHON_DOCS")
        .map(PathBuf::from)
        .or_else(|| {
            let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/share/doc")
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|e| std::fs::canonicalize(e.path().join("html")).ok())
                .filter(|p| {
                    p.join("library/asyncio.html").exists()
                        && p.parent()
                            .is_some_and(|d| d.to_string_lossy().contains("python3"))
                })
                .collect();
            found.sort();
            found.dedup();
            found.pop()
        });
    let Some(docs) = docs else {
        let why = "no local Python documentation (apt-get install python3-doc, or PYTHON_DOCS=DIR)";
        if std::env::var_os("CI").is_some() {
            return Err(format!(
                "{why}: CI checks the docs.python.org links against it"
            ));
        }
        eprintln!(
            "    {why}: the {} docs.python.org links were not checked",
            links.len()
        );
        return Ok(());
    };
    let mut pages: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut newer = 0;
    for ((page, fragment), found_in) in &links {
        let key = if fragment.is_empty() {
            page.clone()
        } else {
            format!("{page}#{fragment}")
        };
        if PYTHON_NEWER.contains(&key.as_str()) || PYTHON_NEWER.contains(&page.as_str()) {
            newer += 1;
            continue;
        }
        let mut file = docs.join(page);
        if page.is_empty() || page.ends_with('/') {
            file = file.join("index.html");
        }
        if !file.exists() {
            problems.push(format!(
                "{found_in}: https://docs.python.org/3/{key}: no such page in {}",
                docs.display()
            ));
            continue;
        }
        if fragment.is_empty() {
            continue;
        }
        if !page_has_id(&mut pages, &file, fragment) {
            problems.push(format!(
                "{found_in}: https://docs.python.org/3/{key}: no `#{fragment}` on that page of {} (if a newer Python added it, list it in PYTHON_NEWER)",
                docs.display()
            ));
        }
    }
    eprintln!(
        "    {} docs.python.org links checked against {}, {} of them to newer pages and names, listed in PYTHON_NEWER",
        links.len(),
        docs.display(),
        newer
    );
    Ok(())
}

/// Whether the page at `file` (read once, then cached) has the anchor `id`.
fn page_has_id(pages: &mut BTreeMap<PathBuf, String>, file: &Path, id: &str) -> bool {
    let text = pages
        .entry(file.to_path_buf())
        .or_insert_with(|| std::fs::read_to_string(file).unwrap_or_default());
    has_id(text, id)
}

fn has_id(html: &str, id: &str) -> bool {
    html.contains(&format!("id=\"{id}\"")) || html.contains(&format!("name=\"{id}\""))
}

/// The names of the packages in `Cargo.lock`.
fn locked_crates() -> Result<BTreeSet<String>, String> {
    let lock = read(&root().join("Cargo.lock"))?;
    Ok(lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|n| n.trim_end_matches('"').to_owned())
        .collect())
}

fn sysroot() -> Result<PathBuf, String> {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    Ok(Path::new(String::from_utf8_lossy(&out.stdout).trim()).to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::has_id;

    #[test]
    fn ids_are_matched_whole() {
        let page = r#"<section id="method.lock"><a name="old"></a>"#;
        assert!(has_id(page, "method.lock"));
        assert!(has_id(page, "old"));
        assert!(!has_id(page, "method.loc"));
        assert!(!has_id(page, "method.try_lock"));
    }
}
