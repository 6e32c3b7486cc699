//! # Exercise: a rate-limited fetcher
//!
//! A local server answers each request after a delay, and some requests
//! never get an answer. [`fetch`] makes one request; it is written for you.
//! Write [`fetch_all`], which makes one request per id, concurrently but
//! never more than `max_in_flight` at once (a [`Semaphore`]), gives each
//! request at most `per_call` to finish (a [`timeout`]), and returns the
//! results in the order of the ids.
//!
//! Test your attempt with `cargo test -p exercises --test network_rate_limited`.

use std::io::{self, ErrorKind};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio::time::timeout;

/// One request: connects to `addr`, sends the id and a newline, and returns
/// the line the server answers, without its newline. A server that closes
/// the connection without answering gives an `UnexpectedEof` error. It has
/// no time limit of its own.
pub async fn fetch(addr: SocketAddr, id: u32) -> io::Result<String> {
    let mut conn = BufReader::new(TcpStream::connect(addr).await?);
    conn.write_all(format!("{id}\n").as_bytes()).await?;
    let mut answer = String::new();
    if conn.read_line(&mut answer).await? == 0 {
        return Err(io::Error::new(ErrorKind::UnexpectedEof, "no answer"));
    }
    Ok(answer.trim_end().to_owned())
}

/// Calls [`fetch`]`(addr, id)` once for every id in `ids` and returns one
/// result per id, in the order of `ids`.
///
/// - At most `max_in_flight` requests are in progress (connected and not
///   yet finished) at any moment; 0 counts as 1. When that many ids are
///   left, that many requests are in progress at once.
/// - A request that has not finished `per_call` after it started (after it
///   got its turn, not after `fetch_all` was called) is dropped, which closes
///   its connection, and its result is an error of kind
///   [`ErrorKind::TimedOut`]. Its slot goes to the next id.
/// - Any other error of a request is its result; the other requests go on.
/// - No ids: an empty vector, without connecting.
pub async fn fetch_all(
    addr: SocketAddr,
    ids: &[u32],
    max_in_flight: usize,
    per_call: Duration,
) -> Vec<io::Result<String>> {
    todo!("write this, then run: cargo test -p exercises --test network_rate_limited")
}
