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
