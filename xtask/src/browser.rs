//! The browser checks (`browser/check.mjs`): the built book in Debian's
//! Chromium, driven by playwright-core, with axe-core and Lighthouse. They run
//! when Chromium and Node.js are on the machine; under CI they are required.
//! The PDF edition (`browser/pdf.mjs`) is printed by the same Chromium.
use crate::process::run;
use crate::util::root;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn check() -> Result<(), String> {
    // Lighthouse's HTTP/2 server needs a certificate, which openssl makes
    // (browser/site.mjs).
    let openssl = Command::new("openssl")
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !openssl {
        if std::env::var_os("CI").is_some() {
            return Err("CI must run the browser checks, but openssl is missing".into());
        }
        eprintln!("    skipped: openssl not found; .ci/run installs it");
        return Ok(());
    }
    node("check.mjs", &[], "the browser checks")
}

/// Runs `browser/SCRIPT` with Node.js against the built book, after
/// installing the pinned packages if `package-lock.json` changed. Without
/// Chromium or Node.js it is skipped, except under CI.
pub fn node(script: &str, args: &[&std::ffi::OsStr], what: &str) -> Result<(), String> {
    let missing = match (chromium(), has("node") && has("npm")) {
        (None, _) => Some("Chromium (apt-get install chromium, or set CHROMIUM)"),
        (_, false) => Some("Node.js and npm"),
        _ => None,
    };
    if let Some(missing) = missing {
        if std::env::var_os("CI").is_some() {
            return Err(format!("CI must run {what}, but {missing} is missing"));
        }
        eprintln!("    skipped: {missing} not found; .ci/run installs it");
        return Ok(());
    }
    let dir = root().join("browser");
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let stale = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(l), Ok(i)) => l.modified().ok() > i.modified().ok(),
        _ => true,
    };
    if stale {
        eprintln!("    installing the pinned browser-check packages (npm ci)");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir))?;
    }
    let mut node = Command::new("node");
    node.arg(script).args(args).current_dir(&dir);
    if let Some(path) = chromium() {
        node.env("CHROMIUM", path);
    }
    run(&mut node)
}
