//! # Exercise: bank transfers that cannot deadlock
//!
//! A transfer locks two accounts, takes money out of one and puts it into the
//! other. If one thread transfers from A to B while another transfers from B
//! to A, and each locks its source first, each can hold one lock and wait for
//! the other forever.
//!
//! Write [`transfer`] so that it never deadlocks, however many threads run
//! transfers between the same accounts in any directions at the same time.
//!
//! Test your attempt with `cargo test -p exercises --test mutex_bank`.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// A bank account.
#[derive(Debug)]
pub struct Account {
    pub balance: u64,
}

/// Why a transfer did not happen. A failed transfer changes nothing.
#[derive(Debug, PartialEq, Eq)]
pub enum TransferError {
    /// `from` and `to` are the same account (the same `Mutex`).
    SameAccount,
    /// `from` holds less than `amount`.
    InsufficientFunds { balance: u64, amount: u64 },
}

/// Moves `amount` from `from` to `to`.
///
/// - Both accounts stay locked for the whole transfer, so no other thread can
///   see the money in neither account or in both.
/// - Transfers in opposite directions at the same time must not deadlock.
/// - `from` and `to` being one account (`std::ptr::eq`) gives
///   `Err(TransferError::SameAccount)`, without locking it twice.
/// - Not enough money gives `Err(TransferError::InsufficientFunds { .. })`
///   with the balance found and the amount asked for.
pub fn transfer(
    from: &Mutex<Account>,
    to: &Mutex<Account>,
    amount: u64,
) -> Result<(), TransferError> {
    if std::ptr::eq(from, to) {
        return Err(TransferError::SameAccount);
    }
    // One global order for every thread: the account at the lower address first.
    let from_first = std::ptr::from_ref(from) < std::ptr::from_ref(to);
    let (first, second) = if from_first { (from, to) } else { (to, from) };
    let mut first = lock(first);
    let mut second = lock(second);
    let (source, target) = if from_first {
        (&mut *first, &mut *second)
    } else {
        (&mut *second, &mut *first)
    };

    if source.balance < amount {
        return Err(TransferError::InsufficientFunds {
            balance: source.balance,
            amount,
        });
    }
    source.balance -= amount;
    target.balance += amount;
    Ok(())
}

/// Locks an account. A panic elsewhere cannot leave an account half-updated
/// (each balance changes in one step), so a poisoned lock is safe to use.
fn lock(account: &Mutex<Account>) -> MutexGuard<'_, Account> {
    account.lock().unwrap_or_else(PoisonError::into_inner)
}
