//! Code names from the wire.

use omnia_errors::{AnyCode, ErrorCode, ValidationErrorCode};

/// A code name from the wire: parses to the code of that name or to an error that keeps the
/// input and has a message.
pub fn code_from_str(data: &[u8]) {
    let name = String::from_utf8_lossy(data);
    match name.parse::<ErrorCode>() {
        Ok(code) => assert_eq!(code.as_str(), name),
        Err(error) => {
            assert_eq!(error.input(), name);
            assert!(!error.to_string().is_empty());
            if let Some(suggestion) = error.suggestion() {
                assert!(suggestion.parse::<ErrorCode>().is_ok());
            }
        }
    }
    match AnyCode::parse(&name) {
        Ok(code) => assert_eq!(code.as_str(), name),
        Err(error) => assert_eq!(error.input(), name),
    }
    let _ = name.parse::<ValidationErrorCode>();
}
