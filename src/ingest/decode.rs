//! Seed bytes -> text, in whatever encoding the page was saved: a byte-order
//! mark first (UTF-8, UTF-16), then the charset an HTML page declares, then
//! UTF-8 if the bytes are valid UTF-8, else the legacy encoding a browser
//! would guess (chardetng, over the WHATWG encodings of encoding_rs).
//!
//! Pure. Never fails: a byte no encoding maps becomes U+FFFD, and the page
//! records which encoding was used so an editor can tell.

use encoding_rs::{Encoding, UTF_8};

/// A seed's text and the encoding it was read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding, lowercase ("utf-8", "windows-1252",
    /// "utf-16le"); `utf-8` needs no mention in the page.
    pub encoding: String,
    /// Bytes no character could be read from (replaced with U+FFFD).
    pub malformed: bool,
}

/// Decodes a seed. `html` says whether a `<meta charset>` may be looked for.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom..]);
    }
    if html {
        if let Some(encoding) = declared_charset(bytes) {
            return with(encoding, bytes);
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return with(UTF_8, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    with(detector.guess(None, chardetng::Utf8Detection::Deny), bytes)
}

fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: encoding.name().to_ascii_lowercase(), malformed }
}

/// The charset an HTML page declares in its first kilobytes (`<meta
/// charset=…>` or `http-equiv` content), as browsers look for it. UTF-16
/// declarations are ignored, as browsers do for bytes that parsed as ASCII.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("charset") {
        rest = &rest[at + "charset".len()..];
        let value = rest.trim_start_matches([' ', '=', '"', '\'']);
        let end = value.find(|c: char| !(c.is_ascii_alphanumeric() || "-_:.".contains(c))).unwrap_or(value.len());
        if let Some(encoding) = Encoding::for_label(value[..end].as_bytes()) {
            let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
            return Some(if utf16 { UTF_8 } else { encoding });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_utf16_and_legacy_text() {
        let text = "Le président a déclaré « non » à Noël.";
        assert_eq!(decode(text.as_bytes(), false).encoding, "utf-8");
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let d = decode(&latin1, false);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "windows-1252"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&utf16, false);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, "utf-16le"));
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom8, false).text, text);
    }

    #[test]
    fn html_pages_declare_their_charset() {
        let (body, _, _) = encoding_rs::WINDOWS_1252.encode("<p>Été</p>");
        let mut page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">".to_vec();
        page.extend_from_slice(&body);
        let d = decode(&page, true);
        assert!(d.text.contains("<p>Été</p>"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(!decode(b"\xff\xfe\x00broken", false).text.is_empty());
    }
}
