// An async function hands a borrowed slice to rayon: rayon::spawn needs 'static.
use tokio::sync::oneshot;

async fn checksum(data: &[u8]) -> u64 {
    let (tx, rx) = oneshot::channel();
    rayon::spawn(move || {
        let sum = data.iter().map(|&b| u64::from(b)).sum::<u64>();
        let _ = tx.send(sum);
    });
    rx.await.expect("rayon sends")
}

#[tokio::main]
async fn main() {
    let data = vec![1u8; 1_000];
    println!("{}", checksum(&data).await);
}
