//! A read from a peer that never answers: with a read timeout it fails after
//! the timeout, instead of blocking the thread for ever.

// How much longer than the timeout the read took varies.
// output: mask-durations
// miri: skip opens TCP sockets, which Miri's isolation forbids

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

// ANCHOR: main
fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let conn = TcpStream::connect_timeout(&listener.local_addr()?, Duration::from_secs(1))?;
    let (_stuck_server, _) = listener.accept()?; // accepts, and then never answers

    let timeout = Duration::from_millis(100);
    conn.set_read_timeout(Some(timeout))?; // without this line: blocked for ever
    writeln!(&conn, "SELECT 1")?;

    let start = Instant::now();
    let mut answer = String::new();
    let result = BufReader::new(&conn).read_line(&mut answer);
    let waited = start.elapsed();

    let err = result.expect_err("the server never answers");
    println!("read_line failed after {waited:.1?} (timeout {timeout:?})");
    println!("error kind: {:?}", err.kind());
    println!("error: {err}");
    Ok(())
}
// ANCHOR_END: main
