// `split` borrows the stream: its halves cannot move into a spawned task.
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

async fn handle(mut stream: TcpStream) {
    let (_reader, mut writer) = stream.split();
    tokio::spawn(async move {
        let _ = writer.write_all(b"hello\n").await;
    });
}

fn main() {
    let _ = handle;
}
