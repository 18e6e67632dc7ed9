//! Plain fluent-bundle with the same `errors.ftl` files as the localizer embeds (every declared
//! locale's) formats `TextMaxLengthMismatch` in pl-PL: the baseline of `cargo xtask wasm-size`.

#[rustfmt::skip] // Generated.
mod locales;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use locales::FILES;

/// The length of the formatted message, so that nothing is optimized away.
#[unsafe(no_mangle)]
pub extern "C" fn format(max_length: u64) -> usize {
    let bundles: Vec<(&str, FluentBundle<FluentResource>)> = FILES
        .iter()
        .map(|(tag, text)| {
            let mut bundle = FluentBundle::new(vec![tag.parse().unwrap_or_default()]);
            bundle.set_use_isolating(false);
            if let Ok(resource) = FluentResource::try_new((*text).to_owned()) {
                let _ = bundle.add_resource(resource);
            }
            (*tag, bundle)
        })
        .collect();
    let Some((_, pl)) = bundles.iter().find(|(tag, _)| *tag == "pl-PL") else {
        return 0;
    };
    let Some(pattern) = pl
        .get_message("validation-TextMaxLengthMismatch")
        .and_then(|m| m.value())
    else {
        return 0;
    };
    let mut args = FluentArgs::new();
    #[allow(clippy::cast_precision_loss)]
    args.set("maxLength", FluentValue::from(max_length as f64));
    let mut errors = Vec::new();
    pl.format_pattern(pattern, Some(&args), &mut errors).len()
}
