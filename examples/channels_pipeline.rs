//! A pipeline: parse, then transform, then sum, each stage a thread, joined by channels.

use std::sync::mpsc;
use std::thread;

// ANCHOR: main
const INPUT: &str = "3 1 4 1 5 9 2 6 5 3 5 x 8 9 7 9 3 2 3 8 4 6 2 6 4 3";

fn main() {
    let (text_tx, text_rx) = mpsc::sync_channel::<String>(16);
    let (num_tx, num_rx) = mpsc::sync_channel::<i64>(16);
    let (sq_tx, sq_rx) = mpsc::sync_channel::<i64>(16);

    let parse = thread::spawn(move || {
        let mut rejected = 0;
        for token in text_rx {
            match token.parse() {
                Ok(n) => num_tx.send(n).unwrap(),
                Err(_) => rejected += 1,
            }
        }
        rejected // `num_tx` is dropped here: the next stage's loop ends
    });
    let transform = thread::spawn(move || {
        for n in num_rx {
            sq_tx.send(n * n).unwrap();
        }
    });
    let sum = thread::spawn(move || sq_rx.iter().sum::<i64>());

    for token in INPUT.split_whitespace() {
        text_tx.send(token.to_string()).unwrap();
    }
    drop(text_tx); // shut the pipeline down, one stage after another

    let rejected = parse.join().unwrap();
    transform.join().unwrap();
    let total = sum.join().unwrap();

    let sequential: i64 = INPUT
        .split_whitespace()
        .filter_map(|t| t.parse::<i64>().ok())
        .map(|n| n * n)
        .sum();
    println!("pipeline: sum of squares = {total}, tokens rejected = {rejected}");
    println!("sequential: sum of squares = {sequential}");
    assert_eq!(total, sequential);
}
// ANCHOR_END: main
