//! # Exercise: a bank that never goes below zero
//!
//! A bank keeps a balance per account and lets many threads withdraw and
//! transfer at once. Each step of this first `withdraw` is locked, and it is
//! still wrong:
//!
//! ```text
//! let balance = self.accounts.lock().unwrap()[account];      // check...
//! if balance < amount {
//!     return Err(BankError::InsufficientFunds);
//! }
//! self.accounts.lock().unwrap()[account] -= amount;          // ...then act
//! ```
//!
//! Between the two `lock()` calls another thread can withdraw the same money:
//! both checks pass, and the balance goes below zero (with `u64`, the
//! subtraction overflows). Write a bank in which that cannot happen:
//!
//! 1. Choose the field(s) of [`Bank`].
//! 2. Write [`Bank::new`], [`Bank::balance`], [`Bank::total`],
//!    [`Bank::withdraw`] and [`Bank::transfer`].
//!
//! `total` must never see money in flight: while transfers run on other
//! threads, every call returns the same sum.
//!
//! Test your attempt with `cargo test -p exercises --test races_bank`.

/// Why a withdrawal or a transfer was refused. A refused operation changes
/// nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankError {
    /// An account number is out of range. Checked first.
    NoSuchAccount,
    /// The balance does not cover the amount.
    InsufficientFunds,
}

/// Accounts `0..n`, each with a balance; shared by reference between threads.
#[derive(Debug)]
pub struct Bank {
    // Your field(s) here.
}

impl Bank {
    /// A bank with one account per entry of `balances`, in order.
    pub fn new(balances: &[u64]) -> Self {
        todo!("write this, then run: cargo test -p exercises --test races_bank")
    }

    /// The balance of `account`, or `None` if there is no such account.
    pub fn balance(&self, account: usize) -> Option<u64> {
        todo!("write this, then run: cargo test -p exercises --test races_bank")
    }

    /// The sum of all balances, as of one moment.
    pub fn total(&self) -> u64 {
        todo!("write this, then run: cargo test -p exercises --test races_bank")
    }

    /// Takes `amount` out of `account` and returns the new balance, or
    /// refuses if the balance does not cover it.
    pub fn withdraw(&self, account: usize, amount: u64) -> Result<u64, BankError> {
        todo!("write this, then run: cargo test -p exercises --test races_bank")
    }

    /// Moves `amount` from `from` to `to`, or refuses and changes nothing.
    /// `from` and `to` may be the same account; then it changes nothing
    /// either, but is refused if the balance does not cover `amount`.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), BankError> {
        todo!("write this, then run: cargo test -p exercises --test races_bank")
    }
}
