//! The book's exercises. Each module is your attempt (`starters/NAME.rs`), or the
//! book's solution (`solutions/NAME.rs`) when built with `--features solutions`.
include!(concat!(env!("OUT_DIR"), "/exercises.rs"));
