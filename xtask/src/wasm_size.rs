//! `cargo xtask wasm-size`: what the localizer costs a WebAssembly UI. Builds the same small
//! program (format `TextMaxLengthMismatch` in pl-PL) on the localizer and on plain fluent-bundle
//! with the same seven `errors.ftl` files, release with LTO, and prints both sizes, raw and
//! gzipped, with their ratio.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

const PROGRAMS: [(&str, &str); 2] = [
    ("omnia-errors-fluent", "omnia"),
    ("plain fluent-bundle", "fluent-bundle"),
];

pub(crate) fn run(root: &Path) -> Result<String, String> {
    let target_dir = root.join("target/wasm-size");
    let mut sizes = Vec::new();
    for (label, dir) in PROGRAMS {
        let manifest = root.join("xtask/wasm-size").join(dir).join("Cargo.toml");
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--manifest-path",
            ])
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", &target_dir)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("building {} failed", manifest.display()));
        }
        let name = format!("wasm_size_{}.wasm", dir.replace('-', "_"));
        let wasm = target_dir.join("wasm32-unknown-unknown/release").join(name);
        let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
        sizes.push((label, bytes.len(), gzip_len(&bytes)?));
    }
    let mut report = format!("{:<22} {:>10} {:>10}\n", "program", "raw bytes", "gzip -9");
    for (label, raw, gz) in &sizes {
        let _ = writeln!(report, "{label:<22} {raw:>10} {gz:>10}");
    }
    let (ours, base) = (sizes[0], sizes[1]);
    #[allow(clippy::cast_precision_loss)] // Sizes far below 2^52.
    let ratio = |a: usize, b: usize| a as f64 / b as f64;
    let _ = write!(
        report,
        "{:<22} {:>9.2}x {:>9.2}x",
        "ratio",
        ratio(ours.1, base.1),
        ratio(ours.2, base.2)
    );
    Ok(report)
}

/// The size of `bytes` compressed by `gzip -9`.
fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(bytes)
        .map_err(|e| e.to_string())?;
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    Ok(output.stdout.len())
}
