//! Small helpers shared by the commands.
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the directory holding the workspace `Cargo.toml`).
/// Taken from the environment `cargo run` sets, so that a copy of the
/// repository never writes into the checkout its xtask was first built in.
pub fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` if set, else `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", rel(path)))
}

/// Writes `contents` to `path`; an error names the path.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", rel(path)))
}

/// Creates `dir` and its parents; an error names the directory.
pub fn create_dir_all(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", rel(dir)))
}

/// `path` relative to the repository root, for messages.
pub fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The cargo that runs this xtask (so nested builds use the same toolchain).
pub fn cargo_command() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into()))
}

/// Runs `cargo ARGS` in the repository root and fails if it fails.
pub fn cargo(args: &[&str]) -> Result<(), String> {
    crate::process::run(cargo_command().args(args).current_dir(root()))
        .map_err(|e| format!("cargo {}: {e}", args.join(" ")))
}

/// Every file under `dir` whose name ends with `suffix`, sorted.
pub fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(suffix) {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

/// `cargo test ARGS`, with the test binaries run side by side rather than
/// one after another (most of the exercises' tests wait on threads and
/// timers, so the CPUs are mostly idle), then the doctests. Each binary runs
/// from its package's directory with `CARGO_MANIFEST_DIR` set, as under
/// `cargo test`; a failing one is reported with its output.
pub fn cargo_test(args: &[&str]) -> Result<(), String> {
    static ARTIFACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#""manifest_path":"([^"]+)".*"executable":"([^"]+)""#).unwrap()
    });
    static TEST_PROFILE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#""profile":\{[^}]*"test":true"#).unwrap());
    let mut build = cargo_command();
    build
        .args([
            "test",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .args(args)
        .current_dir(root())
        .stderr(std::process::Stdio::inherit());
    let out = build
        .output()
        .map_err(|e| format!("cannot run cargo test --no-run: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo test --no-run {} failed", args.join(" ")));
    }
    let binaries: Vec<(PathBuf, PathBuf)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(r#""reason":"compiler-artifact""#))
        // Test harnesses only: cargo test builds the examples too, but does
        // not run them.
        .filter(|l| TEST_PROFILE.is_match(l))
        .filter_map(|l| ARTIFACT.captures(l))
        .map(|c| {
            let manifest = PathBuf::from(&c[1]);
            let dir = manifest
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(root);
            (PathBuf::from(&c[2]), dir)
        })
        .collect();
    let results = parallel_map(&binaries, |(binary, dir)| {
        let mut cmd = Command::new(binary);
        cmd.arg("--quiet")
            .current_dir(dir)
            .env("CARGO_MANIFEST_DIR", dir)
            .env(
                "CARGO",
                std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into()),
            )
            .env_remove("RUST_BACKTRACE");
        let output = cmd.output();
        match output {
            Ok(o) if o.status.success() => Ok(()),
            Ok(o) => Err(format!(
                "{} failed ({}):\n{}{}",
                rel(binary),
                o.status,
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            )),
            Err(e) => Err(format!("cannot run {}: {e}", rel(binary))),
        }
    });
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    if !failures.is_empty() {
        return Err(failures.join("\n\n"));
    }
    eprintln!("    {} test binaries passed", binaries.len());
    let mut doc = vec!["test", "--doc", "--quiet"];
    doc.extend(args);
    cargo(&doc)
}

/// `f` applied to every item, as many at a time as there are logical CPUs;
/// the results in the items' order. For running examples and listings, which
/// are small and designed not to need the machine to themselves.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers.min(items.len()) {
            s.spawn(|| {
                // Relaxed: the counter only hands out indices; the results
                // are published through the mutex and the scope's join.
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    results.lock().unwrap()[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every item was mapped"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_failed_write_or_read_names_its_path() {
        let dir = std::env::temp_dir().join(format!("xtask-write-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // A file where a directory should be: both the write and the
        // directory's creation fail, each naming the path it was given.
        std::fs::write(&dir, "a file").unwrap();
        let inside = dir.join("out.txt");
        let err = super::write(&inside, "x").unwrap_err();
        assert!(err.contains(&inside.display().to_string()), "{err}");
        let err = super::create_dir_all(&dir.join("sub")).unwrap_err();
        assert!(err.contains("sub"), "{err}");
        let err = super::read(&inside).unwrap_err();
        assert!(err.contains("out.txt"), "{err}");
        std::fs::remove_file(&dir).unwrap();
    }

    #[test]
    fn parallel_map_keeps_the_order() {
        let items: Vec<u64> = (0..100).collect();
        let squares = super::parallel_map(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(super::parallel_map(&[] as &[u64], |n| *n).is_empty());
    }
}
