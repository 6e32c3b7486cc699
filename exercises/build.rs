//! Declares one module per file in `starters/`, compiled from `solutions/`
//! instead when the `solutions` feature is on. Adding an exercise needs no list.
use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo::rerun-if-changed=starters");
    println!("cargo::rerun-if-changed=solutions");
    let mut names: Vec<String> = fs::read_dir(root.join("starters"))
        .expect("exercises/starters exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".rs").map(str::to_owned))
        .collect();
    names.sort();
    let mut out = String::new();
    for name in &names {
        let starter = root.join("starters").join(format!("{name}.rs"));
        let solution = root.join("solutions").join(format!("{name}.rs"));
        assert!(
            solution.exists(),
            "exercise {name}: starters/{name}.rs has no solutions/{name}.rs"
        );
        out += &format!(
            "#[cfg(not(feature = \"solutions\"))]\n\
             #[allow(unused_variables, unused_imports, dead_code, clippy::all)]\n\
             #[path = {starter:?}]\npub mod {name};\n\
             #[cfg(feature = \"solutions\")]\n#[path = {solution:?}]\npub mod {name};\n"
        );
    }
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("exercises.rs");
    fs::write(dest, out).unwrap();
}
