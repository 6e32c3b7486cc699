//! Tests for the exercise `multiprocessing_frames`.

use std::io::{self, Cursor, Read};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use exercises::multiprocessing_frames::{FrameError, MAX_FRAME, decode_frame, encode_frame};

/// Runs `f` on another thread and fails the test if it does not return in time.
fn bounded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("did not return within 10 s (reading a huge length, or looping at end-of-file?)")
}

/// A reader that hands out at most one byte per `read`, as a pipe may.
struct Trickle<R>(R);

impl<R: Read> Read for Trickle<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let end = buf.len().min(1);
        self.0.read(&mut buf[..end])
    }
}

/// A reader that fails with `Interrupted` before every byte, then delivers it.
struct Interrupting<R>(R, bool);

impl<R: Read> Read for Interrupting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.1 = !self.1;
        if self.1 {
            return Err(io::ErrorKind::Interrupted.into());
        }
        let end = buf.len().min(1);
        self.0.read(&mut buf[..end])
    }
}

#[test]
fn encode_writes_a_little_endian_length_then_the_payload() {
    assert_eq!(encode_frame(b"abc"), vec![3, 0, 0, 0, b'a', b'b', b'c']);
    assert_eq!(encode_frame(b""), vec![0, 0, 0, 0]);
    let long = vec![7; 300];
    assert_eq!(&encode_frame(&long)[..4], &[44, 1, 0, 0]);
}

#[test]
fn frames_round_trip_one_after_another() {
    // Miri interprets every byte the stream is collected from: a shorter payload
    // (still longer than one byte of length) checks the same code, and
    // `the_longest_allowed_frame_is_accepted` keeps a length past 16 bits.
    let big = if cfg!(miri) { 300 } else { 70_000 };
    let payloads: Vec<Vec<u8>> = vec![b"hello".to_vec(), vec![], vec![0xff; big], b"x".to_vec()];
    let stream: Vec<u8> = payloads.iter().flat_map(|p| encode_frame(p)).collect();
    let decoded = bounded(move || {
        let mut input = Cursor::new(stream);
        let mut out = Vec::new();
        while let Some(p) = decode_frame(&mut input).unwrap() {
            out.push(p);
        }
        out
    });
    assert_eq!(decoded, payloads);
}

#[test]
fn short_reads_are_not_truncation() {
    let stream: Vec<u8> = [encode_frame(b"split"), encode_frame(b"up")].concat();
    let (first, second, end) = bounded(move || {
        let mut input = Trickle(Cursor::new(stream));
        (
            decode_frame(&mut input),
            decode_frame(&mut input),
            decode_frame(&mut input),
        )
    });
    assert_eq!(first, Ok(Some(b"split".to_vec())));
    assert_eq!(second, Ok(Some(b"up".to_vec())));
    assert_eq!(end, Ok(None));
}

#[test]
fn interrupted_reads_are_retried() {
    let stream = encode_frame(b"again");
    let result = bounded(move || decode_frame(&mut Interrupting(Cursor::new(stream), false)));
    assert_eq!(result, Ok(Some(b"again".to_vec())));
}

#[test]
fn a_clean_end_is_none() {
    assert_eq!(bounded(|| decode_frame(&mut io::empty())), Ok(None));
}

#[test]
fn a_truncated_header_is_an_error() {
    for len in 1..4 {
        let bytes = vec![5; len];
        let result = bounded(move || decode_frame(&mut Cursor::new(bytes)));
        assert_eq!(result, Err(FrameError::Truncated), "header of {len} bytes");
    }
}

#[test]
fn a_truncated_payload_is_an_error() {
    let mut frame = encode_frame(b"0123456789");
    frame.truncate(9);
    let result = bounded(move || decode_frame(&mut Trickle(Cursor::new(frame))));
    assert_eq!(result, Err(FrameError::Truncated));
}

#[test]
fn the_longest_allowed_frame_is_accepted() {
    let payload = vec![1; MAX_FRAME];
    let frame = encode_frame(&payload);
    let result = bounded(move || decode_frame(&mut Cursor::new(frame)));
    assert_eq!(result.map(|p| p.map(|p| p.len())), Ok(Some(MAX_FRAME)));
}

#[test]
fn an_oversized_length_is_refused_before_reading_the_payload() {
    // The header claims 4 GiB, and an endless stream of zeros follows: an
    // attempt that allocates or reads the payload first never gets here.
    let result = bounded(|| {
        let header = Cursor::new(u32::MAX.to_le_bytes());
        decode_frame(&mut header.chain(io::repeat(0)))
    });
    assert_eq!(
        result,
        Err(FrameError::TooLong {
            len: u32::MAX as usize
        })
    );
    let just_over = (MAX_FRAME as u32 + 1).to_le_bytes();
    let result = bounded(move || decode_frame(&mut Cursor::new(just_over).chain(io::repeat(0))));
    assert_eq!(result, Err(FrameError::TooLong { len: MAX_FRAME + 1 }));
}

#[test]
fn other_read_errors_are_reported() {
    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }
    assert_eq!(
        bounded(|| decode_frame(&mut Broken)),
        Err(FrameError::Io(io::ErrorKind::BrokenPipe))
    );
}
