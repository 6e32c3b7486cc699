//! Tests for the exercise `network_chat`: a server on 127.0.0.1 per test,
//! driven by the exercise's own test client.

// miri: skip its tests run a server on 127.0.0.1; Miri's isolation forbids sockets

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use exercises::network_chat::{Client, serve};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

const LIMIT: Duration = Duration::from_secs(10);

struct Server {
    addr: SocketAddr,
    stop: CancellationToken,
    task: JoinHandle<io::Result<usize>>,
}

async fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let stop = CancellationToken::new();
    let task = tokio::spawn(serve(listener, stop.clone()));
    Server { addr, stop, task }
}

impl Server {
    /// Cancels the server and returns what `serve` returned.
    async fn shut_down(self) -> usize {
        self.stop.cancel();
        let result = timeout(LIMIT, self.task).await;
        result
            .expect("serve must return soon after shutdown")
            .unwrap()
            .unwrap()
    }
}

async fn join(server: &Server, name: &str) -> Client {
    Client::join(server.addr, name).await.expect("joined")
}

async fn next(client: &mut Client) -> Option<String> {
    client.recv().await.expect("a line or the end")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_reaches_the_others_but_not_its_sender() {
    let server = start().await;
    let mut ann = join(&server, "ann").await;
    let mut bob = join(&server, "bob").await;
    let mut cy = join(&server, "cy").await;
    ann.send("hi all").await.unwrap();
    assert_eq!(next(&mut bob).await.as_deref(), Some("ann: hi all"));
    assert_eq!(next(&mut cy).await.as_deref(), Some("ann: hi all"));
    bob.send("hello ann").await.unwrap();
    assert_eq!(next(&mut ann).await.as_deref(), Some("bob: hello ann"));
    assert_eq!(next(&mut cy).await.as_deref(), Some("bob: hello ann"));
    assert_eq!(server.shut_down().await, 3);
    // ann never got her own message: the next thing she hears is the goodbye.
    assert_eq!(next(&mut ann).await.as_deref(), Some("server closing"));
    assert_eq!(next(&mut ann).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_from_one_client_stay_in_order() {
    let server = start().await;
    let mut ann = join(&server, "ann").await;
    let mut bob = join(&server, "bob").await;
    for i in 0..200 {
        ann.send(&format!("line {i}")).await.unwrap();
    }
    for i in 0..200 {
        assert_eq!(next(&mut bob).await, Some(format!("ann: line {i}")));
    }
    assert_eq!(server.shut_down().await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_leaving_does_not_stop_the_others() {
    let server = start().await;
    let ann = join(&server, "ann").await;
    let mut bob = join(&server, "bob").await;
    let mut cy = join(&server, "cy").await;
    drop(ann); // hangs up
    bob.send("still here?").await.unwrap();
    assert_eq!(next(&mut cy).await.as_deref(), Some("bob: still here?"));
    cy.send("yes").await.unwrap();
    assert_eq!(next(&mut bob).await.as_deref(), Some("cy: yes"));
    assert_eq!(server.shut_down().await, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_closes_idle_clients_and_returns() {
    let server = start().await;
    let mut ann = join(&server, "ann").await;
    let mut bob = join(&server, "bob").await;
    assert_eq!(server.shut_down().await, 2);
    for client in [&mut ann, &mut bob] {
        assert_eq!(next(client).await.as_deref(), Some("server closing"));
        assert_eq!(next(client).await, None);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_connection_does_not_block_shutdown() {
    let server = start().await;
    // Connected, but never sends a name: it has not joined.
    let _silent = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let mut ann = join(&server, "ann").await;
    assert_eq!(server.shut_down().await, 1);
    assert_eq!(next(&mut ann).await.as_deref(), Some("server closing"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_clients() {
    let server = start().await;
    assert_eq!(server.shut_down().await, 0);
}
