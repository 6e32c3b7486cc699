// A spawned task may outlive the function that spawned it, so it cannot
// borrow that function's locals, even when a JoinSet waits for it.
use tokio::task::JoinSet;

async fn fetch(url: &str) -> usize {
    url.len()
}

#[tokio::main]
async fn main() {
    let urls = vec!["a.example".to_string(), "b.example".to_string()];
    let mut set = JoinSet::new();
    for url in &urls {
        set.spawn(fetch(url));
    }
    let total: usize = set.join_all().await.iter().sum();
    println!("{total}");
}
