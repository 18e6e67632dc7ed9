//! Replays every committed fuzz input through its harness: the seeds (`fuzz/seeds/<target>/`,
//! each named for the shape it has) and every input a fuzzer found a problem with
//! (`fuzz/artifacts/<target>/`), so a fixed crash stays fixed. The corpus a fuzzer grows
//! (`fuzz/corpus/`) stays on the machine that grew it.

use std::path::Path;

use omnia_errors_fuzz::TARGETS;

#[test]
fn every_committed_input_passes_its_harness() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut failures = Vec::new();
    for (target, harness) in TARGETS {
        let mut seeds = 0;
        for folder in ["seeds", "artifacts"] {
            let dir = fuzz.join(folder).join(target);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                if std::panic::catch_unwind(|| harness(&data)).is_err() {
                    failures.push(format!("{target}: {}", path.display()));
                }
                seeds += usize::from(folder == "seeds");
            }
        }
        // Each target has a seed corpus: the shapes its input comes in.
        if seeds == 0 {
            failures.push(format!(
                "{target}: no seeds in {}",
                fuzz.join("seeds").display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "failing their harness:\n{}",
        failures.join("\n")
    );
}

#[test]
fn seeds_pass() {
    for (target, harness) in TARGETS {
        for seed in [
            &b""[..],
            b"pt-BR,pt;q=0.9",
            b"{\"code\":\"EntityNotFound\",\"message\":\"x\"}",
            b"\xff\xfe",
            b"validation-X = { $maxLength }",
        ] {
            let result = std::panic::catch_unwind(|| harness(seed));
            assert!(result.is_ok(), "{target} fails on {seed:?}");
        }
    }
}

/// Each harness is a `cargo fuzz` target (a `[[bin]]` of `fuzz/Cargo.toml` whose file calls
/// it) and is named in the README's fuzzing paragraph; no target runs what `TARGETS` lacks.
#[test]
fn every_harness_is_a_fuzz_target_the_readme_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let manifest = read("fuzz/Cargo.toml");
    let bins: Vec<&str> = manifest
        .lines()
        .filter_map(|line| line.strip_prefix("name = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .filter(|name| *name != "omnia-errors-fuzz-targets")
        .collect();
    let names: Vec<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    let (mut sorted_bins, mut sorted_names) = (bins.clone(), names.clone());
    sorted_bins.sort_unstable();
    sorted_names.sort_unstable();
    assert_eq!(
        sorted_bins, sorted_names,
        "fuzz/Cargo.toml's [[bin]]s and TARGETS"
    );
    let readme = read("README.md");
    let paragraph = readme
        .split("\n\n")
        .find(|p| p.contains("cargo fuzz run"))
        .expect("the README's fuzzing paragraph");
    for name in names {
        let source = read(&format!("fuzz/fuzz_targets/{name}.rs"));
        assert!(
            source.contains(&format!("omnia_errors_fuzz::{name}(data)")),
            "fuzz/fuzz_targets/{name}.rs does not run the harness {name}"
        );
        assert!(
            paragraph.contains(&format!("`{name}`")),
            "README.md's fuzzing paragraph does not name the target `{name}`"
        );
    }
}
