//! Every chapter of the book, as documentation, so that `cargo test --doc`
//! compiles and runs each Rust block written inline in the chapter.
//! `build.rs` finds the chapters: a new chapter needs no entry here.
include!(concat!(env!("OUT_DIR"), "/chapters.rs"));
