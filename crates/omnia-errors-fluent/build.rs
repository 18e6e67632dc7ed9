//! Embeds `locales/<tag>/*.ftl` into the crate, so a binary needs no files at run time.
//!
//! Writes `$OUT_DIR/embedded.rs`: one `include_str!` per file, so editing a file rebuilds the
//! crate, and `rerun-if-changed` on the folders, so adding a file or a locale does too.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest.join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());

    let mut code =
        String::from("/// `(locale tag, [(file name, FTL source)])`, sorted by tag and name.\n");
    code.push_str("pub(crate) static EMBEDDED: &[(&str, &[(&str, &str)])] = &[\n");
    for locale in sorted_entries(&root)? {
        if !locale.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", locale.display());
        let tag = file_name(&locale);
        writeln!(code, "    ({tag:?}, &[").unwrap();
        for file in sorted_entries(&locale)? {
            if file.extension().is_some_and(|e| e == "ftl") {
                let path = file.canonicalize()?;
                writeln!(
                    code,
                    "        ({:?}, include_str!({:?})),",
                    file_name(&file),
                    path.to_string_lossy()
                )
                .unwrap();
            }
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    fs::write(
        PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("embedded.rs"),
        code,
    )
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a directory entry has a name")
        .to_string_lossy()
        .into_owned()
}
