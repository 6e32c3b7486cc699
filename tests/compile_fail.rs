//! Every listing in `listings/*.rs` must fail to compile with exactly the error
//! recorded beside it in `listings/NAME.stderr`, which the chapter includes.
//! Re-record after a toolchain bump: `cargo xtask record --listings [NAME...]`,
//! which names the listings to re-record in `BOOK_LISTINGS` (comma-separated).

#[test]
fn listings_fail_to_compile_with_the_recorded_error() {
    let t = trybuild::TestCases::new();
    match std::env::var("BOOK_LISTINGS") {
        Ok(names) if !names.is_empty() => {
            for name in names.split(',') {
                t.compile_fail(format!("../listings/{name}.rs"));
            }
        }
        _ => t.compile_fail("../listings/*.rs"),
    }
}
