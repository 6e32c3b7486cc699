//! The spellcheck: `typos` over the chapters, the code and the docs.
//!
//! typos flags only the misspellings in its own list, so it has no false
//! alarms on technical terms to speak of; the few words it gets wrong here
//! are in `_typos.toml` with the reason. It is the PyPI wheel at the pinned
//! version (`[workspace.metadata.pins] typos`), installed once into
//! `target/tools/typos-VERSION` with the machine's `python3`, which the Python
//! listings need anyway.
use crate::process::{Run, run};
use crate::util::root;
use std::path::PathBuf;
use std::process::Command;

/// What the spellcheck reads: `_typos.toml` leaves out the recordings and
/// the notes, which are quoted exactly as they were written.
const PATHS: &[&str] = &[
    "src",
    "examples",
    "exercises",
    "listings",
    "loom",
    "tests",
    "xtask",
    "browser/check.mjs",
    "README.md",
    "CONTRIBUTING.md",
    "MAINTAINING.md",
    "STYLE.md",
    ".github",
];

fn ensure() -> Result<PathBuf, String> {
    let version = crate::pins::load()?.typos;
    let dir = root().join(format!("target/tools/typos-{version}"));
    let bin = dir.join("bin/typos");
    let have = Command::new(&bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == format!("typos-cli {version}"));
    if !have {
        eprintln!("    installing typos {version} into target/tools (once, from PyPI)");
        let _ = std::fs::remove_dir_all(&dir);
        run(Command::new("python3").arg("-m").arg("venv").arg(&dir))?;
        run(Command::new(dir.join("bin/pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("typos=={version}"),
        ]))?;
    }
    Ok(bin)
}

pub fn check() -> Result<(), String> {
    let bin = ensure()?;
    let mut cmd = Command::new(bin);
    cmd.args(["--format", "brief", "--config", "_typos.toml"])
        .args(PATHS);
    let done = Run::new(cmd).label("typos").capture().finish()?;
    if done.ok() {
        return Ok(());
    }
    Err(format!(
        "typos found misspellings (fix them, or add a word that is right to _typos.toml with the reason):\n{}",
        done.output.trim_end()
    ))
}
