//! Reading RFC 9110 weighted lists, the shape of `Accept` and `Accept-Language`: one way, and
//! one bound, for the body negotiation of this crate ([`ErrorFormat`](crate::ErrorFormat)) and
//! the language negotiation of `omnia-errors-fluent`.
//!
//! ```
//! use omnia_errors::header;
//!
//! let elements: Vec<_> = header::bounded("fr;q=0.5, de, x;q=2")
//!     .split(',')
//!     .map(header::weighted)
//!     .collect();
//! assert_eq!(elements, [Some(("fr", 500)), Some(("de", 1000)), None]);
//! ```

/// Only this many bytes of a request header are read (an element cut by the bound is dropped),
/// so the cost of any header is bounded in bytes. Browsers send under 100.
pub const MAX_HEADER_BYTES: usize = 4096;

/// The first [`MAX_HEADER_BYTES`] of a header, without an element the bound cuts in two
/// (which would otherwise be read as a shorter, different value or weight).
///
/// ```
/// use omnia_errors::header::{MAX_HEADER_BYTES, bounded};
///
/// // The second element runs past the bound: only the first is read.
/// let long = format!("de, {}", "x".repeat(MAX_HEADER_BYTES));
/// assert_eq!(bounded(&long), "de");
/// assert_eq!(bounded("de, fr"), "de, fr");
/// ```
pub fn bounded(header: &str) -> &str {
    if header.len() <= MAX_HEADER_BYTES {
        return header;
    }
    let mut end = MAX_HEADER_BYTES;
    while !header.is_char_boundary(end) {
        end -= 1;
    }
    let head = header.get(..end).unwrap_or("");
    // The byte at `end` is part of the next element unless it is a comma.
    if header.as_bytes().get(end) == Some(&b',') {
        head
    } else {
        head.rfind(',').map_or("", |comma| &head[..comma])
    }
}

/// One element of a weighted list, `value *( OWS ";" OWS parameter )`: its value (trimmed)
/// and its weight in thousandths (`q=0.8` is 800; 1000 without `q`). `None` when a parameter
/// has no `=` or the weight is not a qvalue: a reader skips such an element.
pub fn weighted(element: &str) -> Option<(&str, u16)> {
    let mut parts = element.split(';');
    let value = parts.next()?.trim();
    let mut quality = 1000;
    for parameter in parts {
        let (name, weight) = parameter.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            quality = qvalue(weight.trim())?;
        }
    }
    Some((value, quality))
}

/// RFC 9110 `qvalue`: `0`, `0.` and up to three digits, or `1`, `1.` and up to three zeros.
fn qvalue(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qvalues_follow_rfc_9110() {
        for (text, quality) in [
            ("0", 0),
            ("0.", 0),
            ("0.5", 500),
            ("0.05", 50),
            ("0.123", 123),
            ("0.8", 800),
            ("1", 1000),
            ("1.", 1000),
            ("1.000", 1000),
        ] {
            assert_eq!(qvalue(text), Some(quality), "{text:?}");
        }
        for bad in [
            "1.001", "1.5", "2", "0.1234", ".5", "", "0.a", "0.x", "01", "1.0000", "+1", "-1", "-0",
        ] {
            assert_eq!(qvalue(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_element_is_its_value_and_weight() {
        assert_eq!(weighted("de"), Some(("de", 1000)));
        assert_eq!(weighted(" pt-BR ; q=0.9 "), Some(("pt-BR", 900)));
        assert_eq!(
            weighted("application/json;charset=utf-8;Q=0"),
            Some(("application/json", 0))
        );
        assert_eq!(weighted(""), Some(("", 1000)));
        for bad in ["de;q", "de;q=2", "de;q=x", "de;;q=1"] {
            assert_eq!(weighted(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_bound_drops_the_element_it_cuts() {
        let element = "abcdefgh;q=0.5";
        let header = vec![element; MAX_HEADER_BYTES / element.len() + 2].join(",");
        let head = bounded(&header);
        assert!(head.len() <= MAX_HEADER_BYTES);
        assert!(head.split(',').all(|e| e == element), "{head}");
        assert_eq!(
            head.split(',').count(),
            (MAX_HEADER_BYTES + 1) / (element.len() + 1)
        );
        // A comma right at the bound: everything before it is whole.
        let exact = format!("{},de", "x".repeat(MAX_HEADER_BYTES));
        assert_eq!(bounded(&exact).len(), MAX_HEADER_BYTES);
        // Not cut inside a character.
        let wide = format!("{}é,de", "x".repeat(MAX_HEADER_BYTES - 1));
        assert_eq!(bounded(&wide), "");
    }

    #[test]
    fn the_byte_limit_keeps_whole_entries_only() {
        let a = |n| "a".repeat(n);
        // An entry ends exactly at the limit (a comma follows): kept.
        let header = format!("de,{},fr", a(4093));
        assert_eq!(bounded(&header), format!("de,{}", a(4093)));
        // An entry is cut by the limit: dropped, and the entries before it kept.
        let header = format!("de,{}b,fr", a(4093));
        assert_eq!(bounded(&header), "de");
        // A character cut by the limit: the limit moves back, never past it, and its entry is
        // dropped even when a comma follows the character.
        let header = format!("fr,{}é,de", a(4092));
        assert_eq!(bounded(&header), "fr");
    }
}
