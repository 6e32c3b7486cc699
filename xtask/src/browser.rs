//! The browser checks (`browser/check.mjs`): the built book in Debian's
//! Chromium, driven by playwright-core, with axe-core and Lighthouse. They run
//! when Chromium and Node.js are on the machine; under CI they are required.
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
    let missing = match (chromium(), has("node") && has("npm")) {
        (None, _) => Some("Chromium (apt-get install chromium, or set CHROMIUM)"),
        (_, false) => Some("Node.js and npm"),
        _ => None,
    };
    if let Some(what) = missing {
        if std::env::var_os("CI").is_some() {
            return Err(format!(
                "CI must run the browser checks, but {what} is missing"
            ));
        }
        eprintln!("    skipped: {what} not found; .ci/run installs it");
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
    node.arg("check.mjs").current_dir(&dir);
    if let Some(path) = chromium() {
        node.env("CHROMIUM", path);
    }
    run(&mut node)
}
