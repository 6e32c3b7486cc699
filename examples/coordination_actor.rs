//! `mpsc` + `oneshot`: one task owns the state; others send it requests, each
//! carrying a oneshot sender for the reply. No lock anywhere.

use tokio::sync::{mpsc, oneshot};

// ANCHOR: main
enum Request {
    Add(u64),
    Get(oneshot::Sender<u64>), // where to send the answer
}

/// The actor: owns `total`, handles requests one by one, ends when every sender is gone.
async fn counter(mut inbox: mpsc::Receiver<Request>) -> u64 {
    let mut total = 0;
    while let Some(request) = inbox.recv().await {
        match request {
            Request::Add(n) => total += n,
            Request::Get(reply) => _ = reply.send(total), // the asker may have gone
        }
    }
    total
}

#[tokio::main]
async fn main() {
    let (tx, inbox) = mpsc::channel(16); // bounded: a full inbox makes senders wait
    let actor = tokio::spawn(counter(inbox));

    let mut clients = Vec::new();
    for client in 1..=10 {
        let tx = tx.clone();
        clients.push(tokio::spawn(async move {
            tx.send(Request::Add(client)).await.unwrap();
        }));
    }
    for client in clients {
        client.await.unwrap();
    }

    let (reply, answer) = oneshot::channel();
    tx.send(Request::Get(reply)).await.unwrap();
    println!("total so far: {}", answer.await.unwrap());

    drop(tx); // the last sender: the actor's loop ends
    println!("actor's final total: {}", actor.await.unwrap());
}
// ANCHOR_END: main
