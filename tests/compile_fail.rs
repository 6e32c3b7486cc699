//! Every listing in `listings/*.rs` must fail to compile with exactly the error
//! recorded beside it in `listings/NAME.stderr`, which the chapter includes.
//! Re-record after a toolchain bump: `cargo xtask record --listings`.

#[test]
fn listings_fail_to_compile_with_the_recorded_error() {
    let t = trybuild::TestCases::new();
    t.compile_fail("../listings/*.rs");
}
