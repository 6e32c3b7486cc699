//! # Solution: a bank that never goes below zero
//!
//! One `Mutex` guards every balance. Each operation takes the lock once and
//! keeps the guard until it is done, so its check and its update form one
//! critical section, and `total` sees either all of a transfer or none of it.

use std::sync::{Mutex, MutexGuard};

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
    accounts: Mutex<Vec<u64>>,
}

impl Bank {
    /// A bank with one account per entry of `balances`, in order.
    pub fn new(balances: &[u64]) -> Self {
        Bank {
            accounts: Mutex::new(balances.to_vec()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<u64>> {
        // No code here panics while holding the lock, so poisoning cannot
        // leave a half-done update behind; take the data either way.
        self.accounts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The balance of `account`, or `None` if there is no such account.
    pub fn balance(&self, account: usize) -> Option<u64> {
        self.lock().get(account).copied()
    }

    /// The sum of all balances, as of one moment.
    pub fn total(&self) -> u64 {
        self.lock().iter().sum()
    }

    /// Takes `amount` out of `account` and returns the new balance, or
    /// refuses if the balance does not cover it.
    pub fn withdraw(&self, account: usize, amount: u64) -> Result<u64, BankError> {
        let mut accounts = self.lock(); // held until we return
        let balance = accounts.get_mut(account).ok_or(BankError::NoSuchAccount)?;
        *balance = balance
            .checked_sub(amount)
            .ok_or(BankError::InsufficientFunds)?;
        Ok(*balance)
    }

    /// Moves `amount` from `from` to `to`, or refuses and changes nothing.
    /// `from` and `to` may be the same account; then it changes nothing
    /// either, but is refused if the balance does not cover `amount`.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> Result<(), BankError> {
        let mut accounts = self.lock(); // one lock for both accounts
        if from >= accounts.len() || to >= accounts.len() {
            return Err(BankError::NoSuchAccount);
        }
        if accounts[from] < amount {
            return Err(BankError::InsufficientFunds);
        }
        accounts[from] -= amount;
        accounts[to] += amount;
        Ok(())
    }
}
