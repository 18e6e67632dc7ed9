#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| omnia_errors_fuzz::axum_extract(data));
