#[tokio::main]
async fn main() {
    let names = vec!["a".to_string(), "b".to_string()];
    let handle = tokio::spawn(async {
        println!("{}", names.len()); // borrows a local of main
    });
    handle.await.unwrap();
}
