//! The embedded localizer formats `TextMaxLengthMismatch` in pl-PL.

use omnia_errors::ValidationError;
use omnia_errors_fluent::Localizer;

/// The length of the formatted message, so that nothing is optimized away.
#[unsafe(no_mangle)]
pub extern "C" fn format(max_length: u64) -> usize {
    let localizer = Localizer::embedded();
    let pl = localizer.for_accept_language("pl-PL");
    pl.message(&ValidationError::TextMaxLengthMismatch { max_length })
        .text
        .len()
}
