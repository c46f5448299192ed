//! A procedure code ("1.001193": one digit, a dot, six digits) as a number: the form the app
//! compiles the catalogue's codes in (`known`). `build.rs` includes this file to write them, so
//! the two read a code one way.

/// "D.DDDDDD" as the number D×1,000,000 + DDDDDD (its seven digits read as one number); `None`
/// for any other text.
pub fn key(code: &str) -> Option<u32> {
    let (a, b) = code.split_once('.')?;
    if a.len() != 1 || b.len() != 6 {
        return None;
    }
    a.bytes().chain(b.bytes()).try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}
