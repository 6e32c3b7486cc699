//! The book's tools (mdBook and mdbook-katex), built once from crates.io at
//! the pinned versions into `target/tools/bin`.
use crate::pins;
use crate::process::run;
use crate::util::root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Installs any pinned tool that is missing or at another version, and
/// returns the directory holding their binaries.
pub fn ensure() -> Result<PathBuf, String> {
    let pins = pins::load()?;
    let prefix = root().join("target/tools");
    let installed = std::fs::read_to_string(prefix.join(".crates.toml")).unwrap_or_default();
    for (name, version) in [
        ("mdbook", &pins.mdbook),
        ("mdbook-katex", &pins.mdbook_katex),
    ] {
        if installed.contains(&format!("\"{name} {version} ")) {
            continue;
        }
        eprintln!("installing {name} {version} into target/tools (once; a few minutes on 2 cores)");
        run(crate::util::cargo_command()
            .args([
                "install",
                "--locked",
                "--quiet",
                "--version",
                version,
                "--root",
            ])
            .arg(&prefix)
            .arg(name)
            .current_dir(root()))?;
    }
    Ok(prefix.join("bin"))
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
