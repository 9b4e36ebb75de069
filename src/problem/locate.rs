//! Finds the JSON path of a syntax error from the position serde_json reports.
//!
//! serde_json gives a line and column; a policy lead also wants `$.concerns[3].level`.
//! This re-reads the text up to the error's position with a small tokenizer that keeps a
//! stack of open objects and arrays. (Type errors are located by the tree reader,
//! `tree.rs`, which knows the path as it reads.)

/// What the tokenizer read last before the error's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Last {
    #[default]
    Nothing,
    /// `{` or `[`.
    Open,
    /// An object key, before its `:`.
    Key,
    Colon,
    Comma,
    /// A whole value: a scalar, or a container just closed.
    Value,
    /// A string cut off by the end of the text.
    Partial,
}

/// One open container and the member the reader is at in it.
#[derive(Debug)]
enum Frame {
    /// The key of the member being read, once known.
    Object(Option<String>),
    /// The index of the element being read.
    Array(usize),
}

/// How a syntax error relates to the position serde_json stopped at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Not JSON: the value being read, or, once a key or a value is complete, the
    /// container it is in (what follows is what is wrong).
    Syntax,
    /// The text ends too soon, or a list or object ends after a comma: the container
    /// being read, unless a value was about to start (after a `:`) or was cut off.
    Unfinished,
}

/// The byte offset of a 1-based line and a column counted in bytes, as serde_json reports
/// them (column 0: nothing read yet on that line).
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// The JSON path (`$.a.b[2]`) at byte `offset` of `text`. For a syntax error serde_json's
/// position usually includes the character at fault (`maybe_past_fault`), which is then
/// not read, unless it is a bracket that rightly closes what is open: serde_json reports
/// some errors (an enum written as an object, not closed after its one key) only after
/// reading such a bracket.
pub(crate) fn path_at(text: &str, offset: usize, maybe_past_fault: bool, anchor: Anchor) -> String {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut reader = Reader::default();
    match bytes.split_last() {
        Some((&last, before)) if maybe_past_fault => {
            reader.read(before);
            if reader.closes_rightly(last) {
                reader.read(&[last]);
            }
        }
        _ => reader.read(bytes),
    }
    let frames = &reader.frames;
    let depth = match (anchor, reader.last) {
        (Anchor::Syntax, Last::Value | Last::Key)
        | (
            Anchor::Unfinished,
            Last::Nothing | Last::Open | Last::Key | Last::Comma | Last::Value,
        ) => frames.len().saturating_sub(1),
        _ => frames.len(),
    };
    render(&frames[..depth])
}

/// A tokenizer for a prefix of a JSON text, possibly cut mid-token or invalid after some
/// point: the open containers and the last thing read.
#[derive(Default)]
struct Reader {
    frames: Vec<Frame>,
    last: Last,
}

impl Reader {
    fn read(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            match byte {
                b'{' => {
                    self.frames.push(Frame::Object(None));
                    self.last = Last::Open;
                }
                b'[' => {
                    self.frames.push(Frame::Array(0));
                    self.last = Last::Open;
                }
                b'}' | b']' => {
                    self.frames.pop();
                    self.last = Last::Value;
                }
                b':' => self.last = Last::Colon,
                b',' => {
                    match self.frames.last_mut() {
                        Some(Frame::Object(key)) => *key = None,
                        Some(Frame::Array(index)) => *index += 1,
                        None => {}
                    }
                    self.last = Last::Comma;
                }
                b'"' => {
                    let is_key = matches!(self.frames.last(), Some(Frame::Object(_)))
                        && matches!(self.last, Last::Open | Last::Comma);
                    let Some(end) = string_end(bytes, i) else {
                        // Cut off inside a string: a value's path is known; a key's is
                        // not, and its object's `None` key leaves it out of the path.
                        self.last = Last::Partial;
                        return;
                    };
                    if is_key {
                        if let Some(Frame::Object(key)) = self.frames.last_mut() {
                            *key = Some(decode_key(&bytes[i..end]));
                        }
                        self.last = Last::Key;
                    } else {
                        self.last = Last::Value;
                    }
                    i = end;
                    continue;
                }
                b' ' | b'\t' | b'\n' | b'\r' => {}
                _ => {
                    // A number or a literal: read to its end. Cut off by the end of the
                    // text, it is still whole if it is a complete number or literal.
                    let start = i;
                    while i < bytes.len() && !is_delimiter(bytes[i]) {
                        i += 1;
                    }
                    self.last = if i < bytes.len() || is_whole_scalar(&bytes[start..i]) {
                        Last::Value
                    } else {
                        Last::Partial
                    };
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Whether `byte` is a bracket that may close the innermost container here.
    fn closes_rightly(&self, byte: u8) -> bool {
        matches!(self.last, Last::Open | Last::Value)
            && matches!(
                (self.frames.last(), byte),
                (Some(Frame::Object(_)), b'}') | (Some(Frame::Array(_)), b']')
            )
    }
}

/// The index just past the closing quote of the string starting at `start`, if it closes.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// `true`, `false`, `null` or a JSON number.
fn is_whole_scalar(token: &[u8]) -> bool {
    if matches!(token, b"true" | b"false" | b"null") {
        return true;
    }
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut rest = token.strip_prefix(b"-").unwrap_or(token);
    let whole = digits(rest);
    if whole == 0 || (whole > 1 && rest[0] == b'0') {
        return false;
    }
    rest = &rest[whole..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exponent = exponent
            .strip_prefix(b"+")
            .or_else(|| exponent.strip_prefix(b"-"))
            .unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = &exponent[n..];
    }
    rest.is_empty()
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"' | b' ' | b'\t' | b'\n' | b'\r'
    )
}

/// A key as written, escapes resolved.
fn decode_key(quoted: &[u8]) -> String {
    let raw = String::from_utf8_lossy(quoted);
    super::read_json::<String>(&raw).unwrap_or_else(|| raw.trim_matches('"').to_string())
}

/// The path through `frames`, each contributing the member it is at: the key once read
/// (an object whose next key is not read yet contributes nothing), or the element index.
fn render(frames: &[Frame]) -> String {
    let mut out = String::from("$");
    for frame in frames {
        match frame {
            Frame::Object(Some(key)) => super::tree::push_key(&mut out, key),
            Frame::Object(None) => break,
            Frame::Array(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}
