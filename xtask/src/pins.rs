//! The pinned versions, read from `[workspace.metadata.pins]` in `Cargo.toml`.
use crate::util::{read, root};

pub struct Pins {
    pub toolchain: String,
    /// The nightly toolchain for Miri and ThreadSanitizer.
    pub nightly: String,
    pub mdbook: String,
    pub mdbook_katex: String,
    /// The EPUB renderer.
    pub mdbook_epub: String,
    pub katex: String,
    /// The CPython whose output the Python listings' recordings show.
    pub python: String,
    /// The spellcheck, installed from PyPI into `target/tools`.
    pub typos: String,
}

pub fn load() -> Result<Pins, String> {
    let manifest: toml::Table = read(&root().join("Cargo.toml"))?
        .parse()
        .map_err(|e| format!("Cargo.toml: {e}"))?;
    let pins = manifest
        .get("workspace")
        .and_then(|w| w.get("metadata"))
        .and_then(|m| m.get("pins"))
        .ok_or("Cargo.toml has no [workspace.metadata.pins]")?;
    let get = |key: &str| {
        pins.get(key)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .ok_or(format!("[workspace.metadata.pins] has no `{key}`"))
    };
    Ok(Pins {
        toolchain: get("toolchain")?,
        nightly: get("nightly")?,
        mdbook: get("mdbook")?,
        mdbook_katex: get("mdbook-katex")?,
        mdbook_epub: get("mdbook-epub")?,
        katex: get("katex")?,
        python: get("python")?,
        typos: get("typos")?,
    })
}

/// rust-toolchain.toml must name the pinned toolchain, with its components
/// and targets installed, and the vendored KaTeX stylesheet must be the
/// version mdbook-katex renders with.
pub fn check() -> Result<(), String> {
    let pins = load()?;
    let toolchain: toml::Table = read(&root().join("rust-toolchain.toml"))?
        .parse()
        .map_err(|e| format!("rust-toolchain.toml: {e}"))?;
    let channel = toolchain
        .get("toolchain")
        .and_then(|t| t.get("channel"))
        .and_then(|c| c.as_str())
        .unwrap_or_default();
    if channel != pins.toolchain {
        return Err(format!(
            "rust-toolchain.toml pins {channel:?} but Cargo.toml pins toolchain {:?}",
            pins.toolchain
        ));
    }
    let listed = |key: &str| -> Vec<String> {
        toolchain
            .get("toolchain")
            .and_then(|t| t.get(key))
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    ensure_installed(channel, "component", &listed("components"))?;
    ensure_installed(channel, "target", &listed("targets"))?;
    let stamp = read(&root().join("src/katex/VERSION"))?;
    if stamp.trim() != pins.katex {
        return Err(format!(
            "src/katex holds KaTeX {} but Cargo.toml pins katex {:?} (see MAINTAINING.md)",
            stamp.trim(),
            pins.katex
        ));
    }
    Ok(())
}

/// The other platforms' targets rust-toolchain.toml lists, which the test
/// checks the examples against.
pub fn targets() -> Result<Vec<String>, String> {
    let toolchain: toml::Table = read(&root().join("rust-toolchain.toml"))?
        .parse()
        .map_err(|e| format!("rust-toolchain.toml: {e}"))?;
    Ok(toolchain
        .get("toolchain")
        .and_then(|t| t.get("targets"))
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// rustup installs the components and targets rust-toolchain.toml lists
/// only when it installs the toolchain; on a machine that had the toolchain
/// already (a CI image, a reader's laptop) they may be missing: a missing
/// `rust-src` changes every recorded compiler error that quotes std. So the
/// check adds what is missing, the way it installs the nightly for Miri.
fn ensure_installed(channel: &str, kind: &str, wanted: &[String]) -> Result<(), String> {
    if wanted.is_empty() {
        return Ok(());
    }
    let out = std::process::Command::new("rustup")
        .args([kind, "list", "--installed", "--toolchain", channel])
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    let installed = String::from_utf8_lossy(&out.stdout).into_owned();
    let missing = missing(&installed, wanted);
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!(
        "    installing the {kind}s rust-toolchain.toml lists: {}",
        missing.join(", ")
    );
    let mut cmd = std::process::Command::new("rustup");
    cmd.args([kind, "add", "--toolchain", channel])
        .args(&missing);
    crate::process::run(&mut cmd)
}

/// What of `wanted` the output of `rustup component|target list --installed`
/// leaves out. Components are listed with their host triple
/// (`clippy-x86_64-unknown-linux-gnu`), `rust-src` and targets without.
fn missing<'a>(installed: &str, wanted: &'a [String]) -> Vec<&'a str> {
    wanted
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !installed
                .lines()
                .any(|l| l == *w || l.strip_prefix(*w).is_some_and(is_triple_suffix))
        })
        .collect()
}

/// `-x86_64-unknown-linux-gnu`: a host triple after a component's name.
fn is_triple_suffix(rest: &str) -> bool {
    rest.strip_prefix('-').is_some_and(|triple| {
        triple
            .split('-')
            .nth(1)
            .is_some_and(|vendor| matches!(vendor, "unknown" | "apple" | "pc"))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn components_are_matched_with_or_without_their_triple() {
        let installed = "clippy-x86_64-unknown-linux-gnu\nrust-docs-x86_64-unknown-linux-gnu\nrust-src\nrust-std-x86_64-apple-darwin\n";
        let wanted: Vec<String> = ["clippy", "rust-src", "rust-docs", "rustfmt", "rust"]
            .map(String::from)
            .into();
        // `rust` is not matched by `rust-src`: only a triple may follow a name.
        assert_eq!(super::missing(installed, &wanted), ["rustfmt", "rust"]);
        let targets = ["x86_64-apple-darwin".to_string()];
        assert!(super::missing("x86_64-apple-darwin\n", &targets).is_empty());
    }
}
