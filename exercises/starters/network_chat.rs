//! # Exercise: a broadcast chat server, and a client to test it
//!
//! Write [`serve`], a chat server. [`Client`], a small test client, is
//! written for you: the tests use it, and so can you.
//!
//! The protocol is lines of text. A client's first line is its name; the
//! server answers `welcome NAME` once the client has joined. Every later
//! line `TEXT` from a client is sent to every *other* joined client as
//! `NAME: TEXT`.
//!
//! Test your attempt with `cargo test -p exercises --test network_chat`.

use std::io::{self, ErrorKind};
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast;
use tokio::task::JoinSet;
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

/// How long [`Client::recv`] waits for a line.
pub const WAIT: Duration = Duration::from_secs(5);

/// A test client: one connection to the chat server.
pub struct Client {
    lines: Lines<BufReader<OwnedReadHalf>>,
    writer: OwnedWriteHalf,
}

impl Client {
    /// Connects, sends `name`, and waits for `welcome NAME`.
    pub async fn join(addr: SocketAddr, name: &str) -> io::Result<Client> {
        let (reader, writer) = TcpStream::connect(addr).await?.into_split();
        let mut client = Client {
            lines: BufReader::new(reader).lines(),
            writer,
        };
        client.send(name).await?;
        match client.recv().await? {
            Some(line) if line == format!("welcome {name}") => Ok(client),
            other => Err(io::Error::other(format!(
                "expected a welcome, got {other:?}"
            ))),
        }
    }

    /// Sends one line (the newline is added).
    pub async fn send(&mut self, text: &str) -> io::Result<()> {
        self.writer.write_all(format!("{text}\n").as_bytes()).await
    }

    /// The next line from the server; `None` once the server has closed the
    /// connection; an error of kind `TimedOut` after [`WAIT`] without one.
    pub async fn recv(&mut self) -> io::Result<Option<String>> {
        match timeout(WAIT, self.lines.next_line()).await {
            Ok(line) => line,
            Err(_) => Err(io::Error::new(
                ErrorKind::TimedOut,
                "no line from the server",
            )),
        }
    }
}

/// Runs the chat server on `listener` until `shutdown` is cancelled.
///
/// - Serves any number of clients at once, each on a task of its own. A
///   client that sends nothing, or leaves, must not hold up the others.
/// - `welcome NAME` goes to a client once it will receive every message
///   sent after that (it has joined); a client never gets its own messages.
/// - Messages from one client reach each other client in the order sent.
/// - When `shutdown` is cancelled: stop accepting; every connected client
///   gets the line `server closing`, then its connection is closed. Return
///   the number of clients that joined, once every connection task has
///   finished (even if a client never hangs up by itself).
pub async fn serve(listener: TcpListener, shutdown: CancellationToken) -> io::Result<usize> {
    todo!("write this, then run: cargo test -p exercises --test network_chat")
}
