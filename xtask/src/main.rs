//! Project recipes, run with `cargo xtask <task>`.

fn main() {
    println!("cargo xtask docs: not implemented yet");
}
