//! Links into Rust's and Python's documentation, and the quotes taken from
//! it, checked against local copies of the very version the book links:
//!
//! - `https://doc.rust-lang.org/VERSION/…` (VERSION: the pinned toolchain)
//!   against the docs rustup installs with it (the `rust-docs` component);
//! - `https://docs.rs/CRATE/VERSION/…` (VERSION: the one in `Cargo.lock`)
//!   against `cargo doc` of that version;
//! - `https://docs.python.org/3.11/…` (the pinned CPython's minor version)
//!   against the Python documentation Debian packages as `python3-doc`
//!   (`PYTHON_DOCS=DIR` names another copy). A page or name that a later
//!   Python added, or a later page that says more, is linked at that version
//!   (`docs.python.org/3.13/…`); such a page cannot be quoted, since there
//!   is no copy here to check the quote against.
//!
//! Every link must resolve, page and `#fragment`; an unversioned link
//! (`doc.rust-lang.org/std/…`, `docs.rs/CRATE/latest/…`,
//! `docs.python.org/3/…`) is an error, because the page behind it changes
//! under the quote. Then every quote ("…") in a paragraph that links such
//! pages must be found, word for word, on one of them (see `quotes.rs`).
use crate::util::{cargo, files, read, rel, root, target_dir};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

/// Crates in `Cargo.lock` that `cargo doc` cannot build from here: loom is
/// a dependency only under `cfg(loom)`, which cargo does not select.
const NOT_DOCUMENTED: &[&str] = &["loom"];

/// A link into the documentation, as chapters write it.
pub static DOC_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"https://(?:doc\.rust-lang\.org|docs\.rs|docs\.python\.org)/[^\s)>"'\]]*"#)
        .unwrap()
});

/// What a documentation link means here.
#[derive(Debug, PartialEq)]
pub enum Page {
    /// A page with a local copy: the file, and the fragment if any.
    Local {
        file: PathBuf,
        fragment: Option<String>,
    },
    /// A Python page or name newer than the local docs: linked, not checked.
    Newer,
    /// A crate whose docs cannot be built here: only its root may be linked.
    Outside(String),
    /// No local Python documentation on this machine.
    NoPythonDocs,
    /// A link the book must not make, and why.
    Bad(String),
}

/// Where the local copies are, and the versions the links must name.
pub struct Docs {
    toolchain: String,
    std_docs: PathBuf,
    python_minor: String,
    python_docs: Option<PathBuf>,
    crate_docs: PathBuf,
    /// Crate name to the version in `Cargo.lock`.
    locked: BTreeMap<String, String>,
    pages: std::cell::RefCell<BTreeMap<PathBuf, std::rc::Rc<str>>>,
}

impl Docs {
    pub fn new() -> Result<Docs, String> {
        let pins = crate::pins::load()?;
        let std_docs = sysroot()?.join("share/doc/rust/html");
        if !std_docs.join("std/index.html").exists() {
            return Err(format!(
                "no local std docs in {}: `rustup component add rust-docs` (rust-toolchain.toml lists it)",
                std_docs.display()
            ));
        }
        let python_minor = pins
            .python
            .rsplit_once('.')
            .map(|(minor, _)| minor.to_owned())
            .ok_or(format!("the python pin {:?} is not X.Y.Z", pins.python))?;
        Ok(Docs {
            toolchain: pins.toolchain,
            std_docs,
            python_minor,
            python_docs: python_docs(),
            crate_docs: target_dir().join("doc"),
            locked: locked_crates()?,
            pages: Default::default(),
        })
    }

    pub fn resolve(&self, url: &str) -> Page {
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f.to_owned())),
            None => (url, None),
        };
        let local = |file: PathBuf| {
            let file = if file.is_dir() || path.ends_with('/') {
                file.join("index.html")
            } else {
                file
            };
            Page::Local {
                file,
                fragment: fragment.clone(),
            }
        };
        if let Some(rest) = path.strip_prefix("https://doc.rust-lang.org/") {
            let (version, page) = rest.split_once('/').unwrap_or((rest, ""));
            if version != self.toolchain {
                let page = if version.starts_with(|c: char| c.is_ascii_digit())
                    || ["stable", "nightly", "beta"].contains(&version)
                {
                    page.to_owned()
                } else {
                    rest.to_owned()
                };
                return Page::Bad(format!(
                    "link the pinned toolchain's page: https://doc.rust-lang.org/{}/{page}",
                    self.toolchain
                ));
            }
            return local(self.std_docs.join(page));
        }
        if let Some(rest) = path.strip_prefix("https://docs.rs/") {
            let mut parts = rest.splitn(3, '/');
            let krate = parts.next().unwrap_or_default();
            let version = parts.next().unwrap_or_default();
            let page = parts.next().unwrap_or_default();
            let name = krate.replace('-', "_");
            let Some(locked) = self.locked.get(krate) else {
                return self.outside(krate, page, &name);
            };
            if NOT_DOCUMENTED.contains(&krate) {
                return self.outside(krate, page, &name);
            }
            if version != locked {
                return Page::Bad(format!(
                    "link the version in Cargo.lock: https://docs.rs/{krate}/{locked}/{page}"
                ));
            }
            if page.is_empty() || page.trim_end_matches('/') == name {
                return local(self.crate_docs.join(&name));
            }
            return local(self.crate_docs.join(page));
        }
        if let Some(rest) = path.strip_prefix("https://docs.python.org/") {
            let (version, page) = rest.split_once('/').unwrap_or((rest, ""));
            let Some(docs) = &self.python_docs else {
                return Page::NoPythonDocs;
            };
            if version == self.python_minor {
                return local(docs.join(page));
            }
            let newer = version
                .strip_prefix("3.")
                .and_then(|m| m.parse::<u32>().ok())
                .zip(
                    self.python_minor
                        .strip_prefix("3.")
                        .and_then(|m| m.parse::<u32>().ok()),
                )
                .is_some_and(|(v, pinned)| v > pinned);
            if !newer {
                return Page::Bad(format!(
                    "link the pinned Python's page, https://docs.python.org/{}/{page}, or the later version that added it",
                    self.python_minor
                ));
            }
            return Page::Newer;
        }
        Page::Bad("not a documentation link this check knows".into())
    }

    fn outside(&self, krate: &str, page: &str, name: &str) -> Page {
        if page.is_empty() || page.trim_end_matches('/') == name {
            Page::Outside(krate.to_owned())
        } else {
            Page::Bad(format!(
                "{krate}'s pages cannot be built here (not in Cargo.lock, or in NOT_DOCUMENTED): link the crate's root only"
            ))
        }
    }

    /// The crates whose pages `cargo doc` must build for these links.
    fn crates_to_document(&self, urls: &[&str]) -> BTreeSet<String> {
        urls.iter()
            .filter_map(|u| u.strip_prefix("https://docs.rs/"))
            .filter_map(|rest| rest.split('/').next())
            .filter(|k| self.locked.contains_key(*k) && !NOT_DOCUMENTED.contains(k))
            .map(str::to_owned)
            .collect()
    }

    /// The page's HTML, read once.
    pub fn html(&self, file: &Path) -> std::rc::Rc<str> {
        self.pages
            .borrow_mut()
            .entry(file.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(file).unwrap_or_default().into())
            .clone()
    }

    fn page_has_id(&self, file: &Path, id: &str) -> bool {
        has_id(&self.html(file), id)
    }

    pub fn python_docs(&self) -> Option<&Path> {
        self.python_docs.as_deref()
    }
}

/// Every documentation link in the chapters, with the first place it is made.
pub fn links_in_chapters() -> Result<BTreeMap<String, String>, String> {
    let mut links = BTreeMap::new();
    for md in files(&root().join("src"), ".md") {
        for m in DOC_URL.find_iter(&read(&md)?) {
            let url = m.as_str().trim_end_matches(['.', ',']).to_owned();
            links.entry(url).or_insert_with(|| rel(&md));
        }
    }
    Ok(links)
}

/// `cargo xtask links`, and a step of the test: every link resolves, then
/// every quote of the documentation is checked.
pub fn check() -> Result<(), String> {
    let docs = Docs::new()?;
    let links = links_in_chapters()?;
    let urls: Vec<&str> = links.keys().map(String::as_str).collect();
    let to_document = docs.crates_to_document(&urls);
    let mut args = vec!["doc", "--no-deps", "--quiet"];
    for k in &to_document {
        args.extend(["--package", k.as_str()]);
    }
    cargo(&args)?;
    let mut problems = Vec::new();
    let (mut local, mut newer, mut unchecked_python) = (0, 0, 0);
    let mut outside = BTreeSet::new();
    for (url, found_in) in &links {
        match docs.resolve(url) {
            Page::Local { file, fragment } => {
                local += 1;
                if !file.exists() {
                    problems.push(format!(
                        "{found_in}: {url} has no page ({} is missing)",
                        file.display()
                    ));
                } else if let Some(f) = fragment
                    && !docs.page_has_id(&file, &f)
                {
                    problems.push(format!("{found_in}: {url}: no `#{f}` on that page"));
                }
            }
            Page::Newer => newer += 1,
            Page::Outside(krate) => {
                outside.insert(krate);
            }
            Page::NoPythonDocs => unchecked_python += 1,
            Page::Bad(why) => problems.push(format!("{found_in}: {url}: {why}")),
        }
    }
    if unchecked_python > 0 {
        let why = "no local Python documentation (apt-get install python3-doc, or PYTHON_DOCS=DIR)";
        if std::env::var_os("CI").is_some() {
            problems.push(format!(
                "{why}: CI checks the docs.python.org links and quotes against it"
            ));
        } else {
            eprintln!(
                "    {why}: {unchecked_python} docs.python.org links and their quotes were not checked"
            );
        }
    }
    eprintln!(
        "    {local} documentation links checked against local copies of the linked versions \
         (Rust {}, Python docs in {}); {newer} to pages a later Python added; crate roots only: {}",
        docs.toolchain,
        docs.python_docs()
            .map_or("(none)".into(), |p| p.display().to_string()),
        if outside.is_empty() {
            "none".to_owned()
        } else {
            outside.into_iter().collect::<Vec<_>>().join(", ")
        }
    );
    if let Err(quotes) = crate::quotes::check_docs(&docs) {
        problems.push(quotes);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The Python documentation installed on this machine, if any.
fn python_docs() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PYTHON_DOCS") {
        return Some(PathBuf::from(dir));
    }
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
}

fn has_id(html: &str, id: &str) -> bool {
    html.contains(&format!("id=\"{id}\"")) || html.contains(&format!("name=\"{id}\""))
}

/// The packages in `Cargo.lock`, with their versions.
fn locked_crates() -> Result<BTreeMap<String, String>, String> {
    let lock = read(&root().join("Cargo.lock"))?;
    let mut crates = BTreeMap::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = \"") {
            name = Some(n.trim_end_matches('"').to_owned());
        } else if let Some(v) = line.strip_prefix("version = \"")
            && let Some(n) = name.take()
        {
            crates.insert(n, v.trim_end_matches('"').to_owned());
        }
    }
    Ok(crates)
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
    use super::*;

    fn docs() -> Docs {
        let dir = std::env::temp_dir().join(format!("xtask-docs-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("py/library")).unwrap();
        std::fs::write(
            dir.join("py/library/queue.html"),
            r#"<section id="queue.Queue.put">"#,
        )
        .unwrap();
        Docs {
            toolchain: "1.95.0".into(),
            std_docs: dir.join("std"),
            python_minor: "3.11".into(),
            python_docs: Some(dir.join("py")),
            crate_docs: dir.join("doc"),
            locked: [("tokio".to_owned(), "1.54.1".to_owned())].into(),
            pages: Default::default(),
        }
    }

    #[test]
    fn ids_are_matched_whole() {
        let page = r#"<section id="method.lock"><a name="old"></a>"#;
        assert!(has_id(page, "method.lock"));
        assert!(has_id(page, "old"));
        assert!(!has_id(page, "method.loc"));
        assert!(!has_id(page, "method.try_lock"));
    }

    #[test]
    fn links_must_name_the_versions_the_book_is_checked_against() {
        let d = docs();
        let bad = |url: &str| matches!(d.resolve(url), Page::Bad(_));
        assert!(bad("https://doc.rust-lang.org/std/sync/struct.Mutex.html"));
        assert!(bad("https://doc.rust-lang.org/stable/std/"));
        assert!(bad("https://doc.rust-lang.org/1.94.0/std/"));
        assert_eq!(
            d.resolve("https://doc.rust-lang.org/1.95.0/std/sync/struct.Mutex.html#method.lock"),
            Page::Local {
                file: d.std_docs.join("std/sync/struct.Mutex.html"),
                fragment: Some("method.lock".into())
            }
        );
        assert!(bad("https://docs.rs/tokio/latest/tokio/task/fn.spawn.html"));
        assert!(bad("https://docs.rs/tokio/1.54.0/tokio/task/fn.spawn.html"));
        assert!(matches!(
            d.resolve("https://docs.rs/tokio/1.54.1/tokio/task/fn.spawn.html"),
            Page::Local { .. }
        ));
        assert_eq!(
            d.resolve("https://docs.rs/crossbeam/latest/crossbeam/"),
            Page::Outside("crossbeam".into())
        );
        assert!(bad(
            "https://docs.rs/crossbeam/latest/crossbeam/struct.Foo.html"
        ));
        assert!(bad("https://docs.python.org/3/library/queue.html"));
        assert!(bad("https://docs.python.org/3.10/library/queue.html"));
        assert!(matches!(
            d.resolve("https://docs.python.org/3.11/library/queue.html#queue.Queue.put"),
            Page::Local { .. }
        ));
        // A later version may be linked (and paraphrased, not quoted).
        assert_eq!(
            d.resolve("https://docs.python.org/3.13/library/queue.html#queue.Queue.shutdown"),
            Page::Newer
        );
        assert_eq!(
            d.resolve("https://docs.python.org/3.14/howto/free-threading-python.html"),
            Page::Newer
        );
        assert_eq!(
            d.resolve("https://docs.python.org/3.12/library/queue.html"),
            Page::Newer
        );
    }
}
