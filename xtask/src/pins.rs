//! The pinned versions, read from `[workspace.metadata.pins]` in `Cargo.toml`.
use crate::util::{read, root};

pub struct Pins {
    pub toolchain: String,
    /// The nightly toolchain for Miri and ThreadSanitizer.
    pub nightly: String,
    pub mdbook: String,
    pub mdbook_katex: String,
    pub katex: String,
    /// The CPython whose output the Python listings' recordings show.
    pub python: String,
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
        katex: get("katex")?,
        python: get("python")?,
    })
}

/// rust-toolchain.toml must name the pinned toolchain, and the vendored
/// KaTeX stylesheet must be the version mdbook-katex renders with.
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
    let stamp = read(&root().join("src/katex/VERSION"))?;
    if stamp.trim() != pins.katex {
        return Err(format!(
            "src/katex holds KaTeX {} but Cargo.toml pins katex {:?} (see CONTRIBUTING.md)",
            stamp.trim(),
            pins.katex
        ));
    }
    Ok(())
}
