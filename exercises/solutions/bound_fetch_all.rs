//! Solution: many slow calls, at most K at once, answers in order.

use std::io::{self, BufRead, BufReader, ErrorKind, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

/// The longest any single socket operation in [`call`] may block.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// One call: connects to `addr`, sends the id and a newline, and returns
/// the one line the server answers, without its newline. Every socket
/// operation is bounded by [`TIMEOUT`]; a server that closes the connection
/// without answering gives an `UnexpectedEof` error.
pub fn call(addr: SocketAddr, id: u32) -> io::Result<String> {
    let conn = TcpStream::connect_timeout(&addr, TIMEOUT)?;
    conn.set_read_timeout(Some(TIMEOUT))?;
    conn.set_write_timeout(Some(TIMEOUT))?;
    writeln!(&conn, "{id}")?;
    let mut answer = String::new();
    if BufReader::new(&conn).read_line(&mut answer)? == 0 {
        return Err(io::Error::new(ErrorKind::UnexpectedEof, "no answer"));
    }
    Ok(answer.trim_end().to_owned())
}

/// Calls [`call`]`(addr, id)` once for every id in `ids` and returns the
/// answers in the order of `ids` (the same id may appear more than once; it
/// is called each time).
///
/// - At most `max_threads` calls are in progress at any moment; a
///   `max_threads` of 0 counts as 1.
/// - When there are that many ids left, that many calls are in progress at
///   once: with 10 ids and `max_threads == 3`, three calls overlap, not one.
/// - No ids: `Ok(vec![])`, without connecting.
/// - If any call fails, returns an error (any one of the errors). Every
///   thread started has finished by the time `fetch_all` returns.
pub fn fetch_all(addr: SocketAddr, ids: &[u32], max_threads: usize) -> io::Result<Vec<String>> {
    let workers = max_threads.max(1).min(ids.len());
    let next = AtomicUsize::new(0); // index of the next id nobody has claimed
    let answers: Vec<OnceLock<io::Result<String>>> = ids.iter().map(|_| OnceLock::new()).collect();
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&id) = ids.get(i) else { break };
                    let _ = answers[i].set(call(addr, id)); // slot i is only ever set here
                }
            });
        }
    }); // the scope joins every worker: all slots are filled
    answers
        .into_iter()
        .map(|slot| slot.into_inner().expect("every id was claimed"))
        .collect()
}
