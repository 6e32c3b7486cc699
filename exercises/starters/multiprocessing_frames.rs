//! # Exercise: length-prefixed frames that cannot be trusted
//!
//! Write [`encode_frame`] and [`decode_frame`]. A frame is the payload's
//! length as a 4-byte little-endian `u32`, followed by the payload. The
//! decoder reads from a pipe it does not trust: it must return an error, never
//! hang or panic or allocate gigabytes, when the bytes are not a valid frame.
//!
//! Test your attempt with `cargo test -p exercises --test multiprocessing_frames`.

use std::io::{self, Read};

/// The longest payload [`decode_frame`] accepts, in bytes.
pub const MAX_FRAME: usize = 1 << 20;

/// Why [`decode_frame`] refused its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// The stream ended inside a frame: in the 4-byte header, or before
    /// all the payload bytes the header announced had arrived.
    Truncated,
    /// The header announced `len` bytes, more than [`MAX_FRAME`].
    TooLong {
        /// The length the header announced.
        len: usize,
    },
    /// Reading failed for another reason (not `Interrupted`, which is retried).
    Io(io::ErrorKind),
}

/// Returns the frame for `payload`: its length as 4 little-endian bytes, then
/// the payload. Panics if the payload is longer than [`MAX_FRAME`].
pub fn encode_frame(payload: &[u8]) -> Vec<u8> {
    todo!("write this, then run: cargo test -p exercises --test multiprocessing_frames")
}

/// Reads one frame from `input` and returns its payload.
///
/// - `Ok(None)` if `input` is at end-of-file before the first byte of a frame
///   (a clean end: the other side is done).
/// - `Err(FrameError::Truncated)` if it ends anywhere inside a frame.
/// - `Err(FrameError::TooLong { len })` if the header announces more than
///   [`MAX_FRAME`] bytes; decide this before reading or allocating the payload.
/// - `Err(FrameError::Io(kind))` for any other read error.
///
/// `read` may return fewer bytes than asked for: keep reading.
pub fn decode_frame(input: &mut impl Read) -> Result<Option<Vec<u8>>, FrameError> {
    todo!("write this, then run: cargo test -p exercises --test multiprocessing_frames")
}
