//! Does not compile in edition 2024: `set_var` races with every thread that reads the environment.
#[allow(dead_code)]
fn test_reads_mode_from_env() {
    // `cargo test` runs tests on several threads at once.
    std::env::set_var("APP_MODE", "strict");
    assert_eq!(std::env::var("APP_MODE").as_deref(), Ok("strict"));
}

fn main() {}
