//! The book's tools (mdBook, mdbook-katex and, for the EPUB edition,
//! mdbook-epub), built once from crates.io at the pinned versions into
//! `target/tools/bin`.
//!
//! Building the book needs only mdBook's `search` feature. Its `serve` and
//! `watch` features (an HTTP server, a file watcher: tokio, axum, notify) take
//! about as long to compile again, so mdBook is built with them only when
//! `cargo xtask serve` first asks for them. Both tools share one target
//! directory, so the crates they have in common compile once.
use crate::pins;
use crate::process::run;
use crate::util::root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the book's tools must be able to do.
#[derive(Clone, Copy, PartialEq)]
pub enum Need {
    /// `mdbook build`
    Build,
    /// `mdbook serve`, with live reload
    Serve,
    /// `mdbook build` with the EPUB renderer
    Epub,
}

/// What `cargo install` recorded of an installed crate: whether it is there
/// at `version`, and whether it was built with its default features.
fn installed(prefix: &Path, name: &str, version: &str) -> Option<bool> {
    let text = std::fs::read_to_string(prefix.join(".crates2.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let (_, entry) = json["installs"]
        .as_object()?
        .iter()
        .find(|(key, _)| key.starts_with(&format!("{name} {version} ")))?;
    Some(entry["no_default_features"] == false)
}

/// The label of the tools' build in the background (`background`).
pub const BACKGROUND: &str = "the book's tools";

/// The `cargo install` commands for each pinned tool that is missing, at
/// another version, or without the features `need` asks for.
fn installs(need: Need) -> Result<Vec<(String, Command)>, String> {
    let pins = pins::load()?;
    let prefix = root().join("target/tools");
    let mut out = Vec::new();
    let mut tools = vec![
        ("mdbook", &pins.mdbook, need != Need::Serve),
        ("mdbook-katex", &pins.mdbook_katex, false),
    ];
    if need == Need::Epub {
        tools.push(("mdbook-epub", &pins.mdbook_epub, false));
    }
    for (name, version, lean) in tools {
        match installed(&prefix, name, version) {
            Some(full) if full || lean => continue,
            _ => {}
        }
        let mut cmd = crate::util::cargo_command();
        cmd.args(["install", "--locked", "--quiet", "--version", version])
            .arg("--root")
            .arg(&prefix)
            .arg("--target-dir")
            .arg(prefix.join("build"))
            .arg(name)
            .current_dir(root());
        if lean {
            cmd.args(["--no-default-features", "--features", "search"]);
        }
        out.push((format!("{name} {version}"), cmd));
    }
    Ok(out)
}

/// The build of the tools that `mdbook build` needs, for `background`, if
/// any is missing.
pub fn background_job() -> Option<crate::background::Job> {
    let commands: Vec<Command> = installs(Need::Build)
        .ok()?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    (!commands.is_empty()).then_some(crate::background::Job {
        label: BACKGROUND,
        commands,
    })
}

/// The label of mdbook-epub's build in the background.
pub const BACKGROUND_EPUB: &str = "mdbook-epub";

/// The build of mdbook-epub alone, for `background`, if it is missing; it
/// is queued last, for the last step.
pub fn background_epub_job() -> Option<crate::background::Job> {
    let commands: Vec<Command> = installs(Need::Epub)
        .ok()?
        .into_iter()
        .filter(|(what, _)| what.starts_with("mdbook-epub "))
        .map(|(_, c)| c)
        .collect();
    (!commands.is_empty()).then_some(crate::background::Job {
        label: BACKGROUND_EPUB,
        commands,
    })
}

/// Installs any pinned tool that is missing, at another version, or without
/// the features `need` asks for, and returns the directory holding their
/// binaries.
pub fn ensure(need: Need) -> Result<PathBuf, String> {
    crate::background::wait(BACKGROUND);
    if need == Need::Epub {
        crate::background::wait(BACKGROUND_EPUB);
    }
    for (what, mut cmd) in installs(need)? {
        eprintln!("installing {what} into target/tools (once; a few minutes on 2 cores)");
        run(&mut cmd)?;
    }
    Ok(root().join("target/tools/bin"))
}

/// A `Command` for one of the installed tools, with the tools on `PATH` so
/// that mdBook finds its preprocessor.
pub fn command(bin: &Path, name: &str) -> Command {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin.to_path_buf()];
    dirs.extend(std::env::split_paths(&path));
    let mut cmd = Command::new(bin.join(name));
    cmd.env("PATH", std::env::join_paths(dirs).expect("valid PATH"))
        .current_dir(root());
    cmd
}
