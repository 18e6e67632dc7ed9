//! JSON message files: shape, plural texts, consistency across locales, determinism, errors.

use std::collections::BTreeSet;

use omnia_errors::{AnyCode, ValidationErrorCode};
use omnia_errors_tooling::{
    JsonMessages, JsonMessagesError, LocaleError, Locales, MessageText, PluralText, Workspace,
    json_messages,
};
use serde_json::{Value, json};

/// The declared locales' tags (`locales/locales.toml`), in order.
fn tags() -> impl Iterator<Item = &'static str> {
    static LOCALES: std::sync::OnceLock<Locales> = std::sync::OnceLock::new();
    LOCALES
        .get_or_init(|| Workspace::current().locales().unwrap())
        .tags()
}

fn catalog(tag: &str) -> JsonMessages {
    json_messages(&Workspace::current().locales().unwrap(), tag).unwrap()
}

fn plural<'c>(catalog: &'c JsonMessages, code: &str, context: bool) -> &'c PluralText {
    let message = catalog.message(code).unwrap();
    let text = if context {
        message.context.as_ref().unwrap()
    } else {
        &message.message
    };
    match text {
        MessageText::Plural(plural) => plural,
        MessageText::Text(text) => panic!("{code}: not a plural text: {text:?}"),
    }
}

fn keys(plural: &PluralText) -> Vec<&str> {
    plural
        .variants
        .iter()
        .map(|(key, _)| key.as_str())
        .collect()
}

/// The placeholders of every text of a message's JSON text (a string or a plural object).
fn placeholders(text: &Value) -> BTreeSet<String> {
    let texts: Vec<&str> = match text {
        Value::String(text) => vec![text],
        Value::Object(variants) => variants
            .iter()
            .filter(|(key, _)| *key != "plural")
            .map(|(_, text)| text.as_str().unwrap())
            .collect(),
        other => panic!("not a text: {other}"),
    };
    texts
        .iter()
        .flat_map(|text| text.split('{').skip(1))
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

fn json(catalog: &JsonMessages) -> Value {
    serde_json::from_str(&catalog.to_json()).unwrap()
}

#[test]
fn en_us_has_every_code_in_catalog_order() {
    let catalog = catalog("en-US");
    assert_eq!(catalog.locale, "en-US");
    assert_eq!(
        catalog.source,
        "Generated from locales/en-US by cargo xtask docs; do not edit."
    );
    assert_eq!(catalog.messages.len(), AnyCode::COUNT);
    let codes: Vec<AnyCode> = catalog.messages.iter().map(|m| m.code).collect();
    assert_eq!(codes, AnyCode::all().collect::<Vec<_>>());

    let json = json(&catalog);
    let names: Vec<&str> = json["messages"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json's map is sorted, so compare as sets; the order is checked on the text below.
    let expected: BTreeSet<&str> = AnyCode::all().map(AnyCode::as_str).collect();
    assert_eq!(names.into_iter().collect::<BTreeSet<_>>(), expected);
    let text = catalog.to_json();
    let positions: Vec<usize> = AnyCode::all()
        .map(|code| text.find(&format!("\n    \"{code}\": {{")).unwrap())
        .collect();
    assert!(positions.is_sorted(), "not in catalog order");
}

#[test]
fn api_codes_have_a_status_and_validation_codes_do_not() {
    let json = json(&catalog("en-US"));
    for code in AnyCode::all() {
        let message = &json["messages"][code.as_str()];
        if let Some(status) = code.http_status() {
            assert_eq!(message["catalog"], "api", "{code}");
            assert_eq!(message["status"], status, "{code}");
        } else {
            assert_eq!(message["catalog"], "validation", "{code}");
            assert!(message.get("status").is_none(), "{code}");
        }
        if code.params().is_empty() {
            assert!(message.get("parameters").is_none(), "{code}");
        }
    }
    assert_eq!(
        json["messages"]["EntityNotFound"],
        json!({ "catalog": "api", "status": 404, "message": "Entity can't be found." })
    );
    // The documentation note of ValidationFailed is not exported.
    assert_eq!(
        json["messages"]["ValidationFailed"],
        json!({ "catalog": "api", "status": 400, "message": "Request validation failed." })
    );
    assert_eq!(
        json["messages"]["TextMaxLengthMismatch"],
        json!({
            "catalog": "validation",
            "parameters": [{ "name": "maxLength", "type": "number", "required": true }],
            "message": "Value is too long to the defined length of {maxLength}."
        })
    );
}

#[test]
fn pt_br_max_length_is_a_plural_text_with_zero() {
    let catalog = catalog("pt-BR");
    let plural = plural(&catalog, "TextMaxLengthMismatch", false);
    assert_eq!(plural.variable, "maxLength");
    // CLDR puts 0 in pt-BR's `one`, which reads "0 caractere": an exact [0] says "caracteres".
    assert_eq!(keys(plural), ["0", "one", "other"]);
    assert_eq!(
        json(&catalog)["messages"]["TextMaxLengthMismatch"]["message"],
        json!({
            "plural": "maxLength",
            "0": "O valor excede o tamanho máximo de {maxLength} caracteres.",
            "one": "O valor excede o tamanho máximo de {maxLength} caractere.",
            "other": "O valor excede o tamanho máximo de {maxLength} caracteres."
        })
    );
    // `plural` comes first in the text.
    assert!(
        catalog
            .to_json()
            .contains("\"message\": {\n        \"plural\": \"maxLength\",\n        \"0\": "),
        "{}",
        catalog.to_json()
    );
}

#[test]
fn product_terms_are_resolved_to_their_text() {
    let catalog = catalog("pt-PT");
    assert!(
        catalog.simplifications.is_empty(),
        "{:?}",
        catalog.simplifications
    );
    let text = |code: &str| match &catalog.message(code).unwrap().message {
        MessageText::Text(text) => text.clone(),
        MessageText::Plural(plural) => panic!("{code}: {plural:?}"),
    };
    assert_eq!(
        text("ConnectorNotFound"),
        "Não é possível contactar o conetor."
    );
    assert_eq!(
        text("CreateSystemDataSourceUnsupported"),
        "Não é possível adicionar registos ao Data Source \"System\"."
    );
    for tag in tags() {
        assert!(
            !json_messages(&Workspace::current().locales().unwrap(), tag)
                .unwrap()
                .to_json()
                .contains("{-"),
            "{tag}"
        );
        assert!(
            !json_messages(&Workspace::current().locales().unwrap(), tag)
                .unwrap()
                .to_json()
                .contains("{ -"),
            "{tag}"
        );
    }
}

#[test]
fn en_us_lower_limit_context_is_a_plural_text_on_limit() {
    let catalog = catalog("en-US");
    let message = catalog.message("LowerLimitNotRespected").unwrap();
    assert_eq!(
        message.code,
        AnyCode::Validation(ValidationErrorCode::LowerLimitNotRespected)
    );
    assert_eq!(
        message.message,
        MessageText::Text("Minimal number of elements in collection not respected.".into())
    );
    let plural = plural(&catalog, "LowerLimitNotRespected", true);
    assert_eq!(plural.variable, "limit");
    assert_eq!(
        plural.variants,
        [
            (
                "one".to_owned(),
                "The collection must have at least {limit} element.".to_owned()
            ),
            (
                "other".to_owned(),
                "The collection must have at least {limit} elements.".to_owned()
            ),
        ]
    );
    assert_eq!(
        json(&catalog)["messages"]["LowerLimitNotRespected"]["parameters"],
        json!([{ "name": "limit", "type": "number", "required": false }])
    );
}

#[test]
fn required_value_has_a_context_with_its_path() {
    for tag in tags() {
        let catalog = catalog(tag);
        let json = json(&catalog);
        let message = &json["messages"]["RequiredValue"];
        assert_eq!(
            message["parameters"],
            json!([{ "name": "path", "type": "text", "required": false }]),
            "{tag}"
        );
        assert!(message["message"].is_string(), "{tag}");
        assert_eq!(placeholders(&message["message"]), BTreeSet::new(), "{tag}");
        let context = message["context"].as_str().unwrap();
        assert!(context.contains("{path}"), "{tag}: {context}");
    }
    assert_eq!(
        json(&catalog("pl-PL"))["messages"]["RequiredValue"],
        json!({
            "catalog": "validation",
            "parameters": [{ "name": "path", "type": "text", "required": false }],
            "message": "Wartość atrybutu jest wymagana.",
            "context": "Atrybut {path} wymaga podania wartości."
        })
    );
}

#[test]
fn every_locale_has_the_keys_and_placeholders_of_en_us() {
    let source = json(&catalog("en-US"));
    let source = source["messages"].as_object().unwrap();
    for tag in tags() {
        let catalog = catalog(tag);
        assert!(
            catalog.simplifications.is_empty(),
            "{tag}: {:#?}",
            catalog.simplifications
        );
        let json = json(&catalog);
        assert_eq!(json["locale"], tag);
        let messages = json["messages"].as_object().unwrap();
        assert_eq!(
            messages.keys().collect::<Vec<_>>(),
            source.keys().collect::<Vec<_>>(),
            "{tag}"
        );
        for (code, theirs) in messages {
            let ours = &source[code];
            for field in ["catalog", "status", "parameters"] {
                assert_eq!(theirs.get(field), ours.get(field), "{tag} {code} {field}");
            }
            assert_eq!(
                theirs.get("context").is_some(),
                ours.get("context").is_some(),
                "{tag} {code}"
            );
            for field in ["message", "context"] {
                let Some(text) = theirs.get(field) else {
                    continue;
                };
                assert_eq!(
                    placeholders(text),
                    placeholders(&ours[field]),
                    "{tag} {code} {field}: {text}"
                );
                if let Value::Object(variants) = text {
                    assert!(variants.contains_key("other"), "{tag} {code} {field}");
                    let variable = variants["plural"].as_str().unwrap();
                    assert!(
                        placeholders(text).contains(variable),
                        "{tag} {code} {field}"
                    );
                }
                assert!(!text.to_string().contains('$'), "{tag} {code} {field}");
            }
        }
    }
}

#[test]
fn placeholders_are_the_codes_parameters() {
    for tag in tags() {
        let json = json(&catalog(tag));
        for code in AnyCode::all() {
            let message = &json["messages"][code.as_str()];
            let required: BTreeSet<String> = code
                .params()
                .iter()
                .filter(|p| p.required)
                .map(|p| p.name.to_owned())
                .collect();
            assert_eq!(placeholders(&message["message"]), required, "{tag} {code}");
            if let Some(context) = message.get("context") {
                let all: BTreeSet<String> =
                    code.params().iter().map(|p| p.name.to_owned()).collect();
                assert_eq!(placeholders(context), all, "{tag} {code}");
            }
        }
    }
}

#[test]
fn json_is_pretty_and_deterministic() {
    let locales = Workspace::current().locales().unwrap();
    for tag in tags() {
        let first = json_messages(&locales, tag).unwrap().to_json();
        let second = json_messages(&locales, tag).unwrap().to_json();
        assert_eq!(first, second, "{tag}");
        assert!(
            first.starts_with(&format!(
                "{{\n  \"locale\": \"{tag}\",\n  \"source\": \"Generated from locales/{tag} by \
                 cargo xtask docs; do not edit.\",\n  \"messages\": {{\n    \"BehaviourFailed\": \
                 {{\n      \"catalog\": \"api\",\n      \"status\": 400,\n      \"message\": "
            )),
            "{first}"
        );
        assert!(first.ends_with("\n  }\n}\n"), "{first}");
        assert!(!first.contains("simplifications"), "{tag}");
    }
    // Non-ASCII letters are written as they are.
    assert!(catalog("pl-PL").to_json().contains("Wartość"));
}

#[test]
fn an_unknown_locale_is_an_error() {
    let locales = Workspace::current().locales().unwrap();
    let error = json_messages(&locales, "ja-JP").unwrap_err();
    assert!(
        matches!(&error, JsonMessagesError::Locale(LocaleError::Unknown { tag, available })
            if tag == "ja-JP" && available.len() == locales.declared().len()),
        "{error}"
    );
    assert!(error.to_string().contains("\"ja-JP\""), "{error}");
    assert!(error.to_string().contains("pl-PL"), "{error}");
    assert!(json_messages(&locales, "pt").is_err());
    assert!(json_messages(&locales, "").is_err());
    // Tags are matched as language tags.
    assert_eq!(json_messages(&locales, "pt_pt").unwrap().locale, "pt-PT");
}

#[test]
fn files_that_do_not_parse_are_an_error() {
    let locales = Locales::one_file("en-US", "error-EntityNotFound = { $x ->\n");
    let error = json_messages(&locales, "en-US").unwrap_err();
    let JsonMessagesError::Locale(LocaleError::Fluent(findings)) = &error else {
        panic!("not a Fluent error: {error}");
    };
    assert!(!findings.is_empty());
    assert!(
        error.to_string().contains("locales/en-US/errors.ftl"),
        "{error}"
    );
}

#[test]
fn text_around_a_selection_goes_into_every_variant() {
    let ftl = "validation-TextMaxLengthMismatch = Too long: { $maxLength ->\n    \
               [0] nothing\n    [one] one character\n   *[other] { $maxLength } characters\n} at \
               most.\n";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let plural = plural(&catalog, "TextMaxLengthMismatch", false);
    assert_eq!(
        plural.variants,
        [
            ("0".to_owned(), "Too long: nothing at most.".to_owned()),
            (
                "one".to_owned(),
                "Too long: one character at most.".to_owned()
            ),
            (
                "other".to_owned(),
                "Too long: {maxLength} characters at most.".to_owned()
            ),
        ]
    );
    // Every other code is missing, and reported.
    assert_eq!(catalog.messages.len(), 1);
    assert_eq!(catalog.simplifications.len(), AnyCode::COUNT - 1);
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one fixture of every construct and the whole report it gives, read side by side"
)]
fn what_a_catalog_cannot_express_is_simplified_and_reported() {
    let ftl = "\
error-ConnectorBehaviourFailed = Failed.
    .context = { $message ->
        [x] Known.
       *[other] Failed: { $message }
    }
    .help = Ask someone.
validation-LowerLimitNotRespected = Too few.
    .context = { $limit ->
        [one] { $limit ->
            [0] none
           *[other] one
        } element
       *[other] { $limit } elements
    } { $limit ->
        [one] (one)
       *[other] (more)
    }
validation-UpperLimitNotRespected = Too many.
    .context = { NUMBER($limit) ->
       *[one] at most { NUMBER($limit) } element
        [many] at most { $limit } elements
    }
validation-TextMaxLengthMismatch = { NUMBER($maxLength, type: \"ordinal\") ->
       *[other] Too long: { $maxLength }.
    }
validation-TypeMismatch = Mismatch.
";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let report: Vec<String> = catalog
        .simplifications
        .iter()
        .map(ToString::to_string)
        .filter(|line| !line.contains("no such message"))
        .collect();
    assert_eq!(
        report,
        [
            // Attributes not exported come first, as both exporters walk the messages.
            "en-US error-ConnectorBehaviourFailed.help: attribute not exported",
            "en-US error-ConnectorBehaviourFailed.context: select on $message exported as its \
             [other] variant ($message is not a number parameter of the code)",
            "en-US validation-LowerLimitNotRespected.context: plural select on $limit exported \
             as its [other] variant (only one select is kept, and the message selects on $limit)",
            "en-US validation-LowerLimitNotRespected.context: plural select on $limit exported \
             as its [other] variant (only one select is kept, and the message selects on $limit)",
            "en-US validation-TypeMismatch.context: the message has no .context attribute; no \
             context exported",
            "en-US validation-UpperLimitNotRespected.context: function NUMBER($limit) exported \
             as its first argument",
            "en-US validation-TextMaxLengthMismatch: plural select on NUMBER($maxLength, type: \
             \"ordinal\") exported as its [other] variant (its selector is not a parameter)",
        ]
    );

    let context = |code: &str| catalog.message(code).unwrap().context.clone().unwrap();
    assert_eq!(
        context("ConnectorBehaviourFailed"),
        MessageText::Text("Failed: {message}".into())
    );
    let MessageText::Plural(lower) = context("LowerLimitNotRespected") else {
        panic!("not a plural text");
    };
    assert_eq!(
        lower.variants,
        [
            ("one".to_owned(), "one element (more)".to_owned()),
            ("other".to_owned(), "{limit} elements (more)".to_owned()),
        ]
    );
    // NUMBER($limit) without options selects as $limit does; without [other], the default
    // variant is also the `other` one.
    let MessageText::Plural(upper) = context("UpperLimitNotRespected") else {
        panic!("not a plural text");
    };
    assert_eq!(upper.variable, "limit");
    assert_eq!(
        upper.variants,
        [
            ("one".to_owned(), "at most {limit} element".to_owned()),
            ("many".to_owned(), "at most {limit} elements".to_owned()),
            ("other".to_owned(), "at most {limit} element".to_owned()),
        ]
    );
    assert_eq!(
        catalog.message("TextMaxLengthMismatch").unwrap().message,
        MessageText::Text("Too long: {maxLength}.".into())
    );
    assert_eq!(catalog.message("TypeMismatch").unwrap().context, None);
}

#[test]
fn exact_numbers_after_a_category_are_reported() {
    let ftl = "validation-TextMaxLengthMismatch = { $maxLength ->\n    \
               [one] one\n    [1] exactly one\n    [01] duplicate\n   *[other] many\n}\n";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let plural = plural(&catalog, "TextMaxLengthMismatch", false);
    assert_eq!(keys(plural), ["1", "one", "other"]);
    assert_eq!(plural.variant("1"), Some("exactly one"));
    let report: Vec<String> = catalog
        .simplifications
        .iter()
        .map(ToString::to_string)
        .filter(|line| !line.contains("no such message"))
        .collect();
    assert_eq!(
        report,
        [
            "en-US validation-TextMaxLengthMismatch: plural variant [1] follows [one]: Fluent \
             checks variants in order, a user interface checks exact numbers first",
        ]
    );
}

#[test]
fn a_default_variant_other_than_other_is_reported() {
    let ftl = "validation-TextMaxLengthMismatch = { $maxLength ->\n   \
               *[one] one\n    [other] many\n}\n";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let plural = plural(&catalog, "TextMaxLengthMismatch", false);
    assert_eq!(keys(plural), ["one", "other"]);
    assert!(
        catalog.simplifications.iter().any(|s| s.to_string()
            == "en-US validation-TextMaxLengthMismatch: plural default variant [one] is not \
                [other]: a user interface falls back to [other]"),
        "{:#?}",
        catalog.simplifications
    );
}

#[test]
fn plural_variants_come_in_cldr_order_whatever_the_file_order() {
    let ftl = "validation-TextMaxLengthMismatch = { $maxLength ->\n   *[other] { $maxLength } \
               chars\n    [one] one char\n    [0] none\n}\n";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let plural = plural(&catalog, "TextMaxLengthMismatch", false);
    assert_eq!(keys(plural), ["0", "one", "other"]);
}

#[test]
fn keys_that_are_neither_categories_nor_whole_numbers_are_reported() {
    let ftl = "\
validation-UpperLimitNotRespected = Too many.
    .context = { $limit ->
        [lots] many
       *[other] at most { $limit }
    }
validation-LowerLimitNotRespected = Too few.
    .context = { $limit ->
        [1.5] odd
       *[other] at least { $limit }
    }
";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let report: Vec<String> = catalog
        .simplifications
        .iter()
        .map(ToString::to_string)
        .collect();
    for key in ["lots", "1.5"] {
        assert!(
            report.iter().any(|line| line.contains(&format!(
                "its key [{key}] is neither a plural category nor a whole number"
            ))),
            "{key}: {report:#?}"
        );
    }
}

#[test]
fn a_second_context_attribute_is_reported_not_exported() {
    let ftl = "\
validation-RequiredValue = Required.
    .context = First { $path }.
    .context = Second { $path }.
";
    let catalog = json_messages(&Locales::one_file("en-US", ftl), "en-US").unwrap();
    let report: Vec<String> = catalog
        .simplifications
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        report
            .iter()
            .any(|line| line == "en-US validation-RequiredValue.context: attribute not exported"),
        "{report:#?}"
    );
    let message = catalog.message("RequiredValue").unwrap();
    assert_eq!(
        message.context,
        Some(MessageText::Text("First {path}.".to_owned()))
    );
}

/// What a user interface shows for a catalog text, picking as `docs/messages/README.md` says:
/// the exact number first, then its plural category (`category`, what `Intl.PluralRules` says),
/// then `other`; with `exact_first` false, by its category alone (the mistake the README warns
/// of). Placeholders are filled as the README's `format` does: a number below 1000 reads the
/// same in every locale without `Intl.NumberFormat`.
fn ui_format(text: &Value, parameters: &Value, category: &str, exact_first: bool) -> String {
    let text = match text {
        Value::Object(variants) => {
            let n = parameters[variants["plural"].as_str().unwrap()]
                .as_u64()
                .unwrap();
            assert!(n < 1000, "{n} would need Intl.NumberFormat");
            exact_first
                .then(|| variants.get(&n.to_string()))
                .flatten()
                .or_else(|| variants.get(category))
                .or_else(|| variants.get("other"))
                .and_then(Value::as_str)
                .unwrap()
        }
        text => text.as_str().unwrap(),
    };
    let mut shown = text.to_owned();
    for (name, value) in parameters.as_object().unwrap() {
        let value = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_owned);
        shown = shown.replace(&format!("{{{name}}}"), &value);
    }
    shown
}

/// The committed catalog of `tag`, as a user interface loads it.
fn committed_catalog(tag: &str) -> Value {
    let path = Workspace::current()
        .root()
        .join(format!("docs/messages/{tag}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Numbers that reach every integer plural rule of our locales, which look at `n % 10` and
/// `n % 100`: 0 to 30, the teens and twenties of the next hundred, and a few large ones.
fn sample_numbers() -> impl Iterator<Item = u64> {
    (0..=30).chain([
        99, 100, 101, 102, 104, 105, 111, 112, 114, 121, 122, 125, 255, 999,
    ])
}

#[test]
fn a_ui_that_looks_exact_numbers_up_first_shows_what_the_localizer_does() {
    let localizer = omnia_errors_fluent::Localizer::embedded();
    let with_numbers: Vec<AnyCode> = AnyCode::all()
        .filter(|code| {
            code.params()
                .iter()
                .any(|p| p.kind == omnia_errors::ParamKind::Number)
        })
        .collect();
    let mut compared = 0;
    for tag in tags() {
        let catalog = committed_catalog(tag);
        let language = localizer.for_tags(&[tag]);
        for n in sample_numbers() {
            let category = omnia_errors_fluent::integer_plural_category(tag, n);
            for &code in &with_numbers {
                let message = &catalog["messages"][code.as_str()];
                // Every parameter is known: the contextual text, when the code has one.
                let text = message.get("context").unwrap_or(&message["message"]);
                let parameters: serde_json::Map<String, Value> = code
                    .params()
                    .iter()
                    .map(|p| {
                        let value = match p.kind {
                            omnia_errors::ParamKind::Number => json!(n),
                            omnia_errors::ParamKind::Text => json!("Description"),
                        };
                        (p.name.to_owned(), value)
                    })
                    .collect();
                let parameters = Value::Object(parameters);
                let expected = language
                    .message_for(code, &serde_json::from_value(parameters.clone()).unwrap())
                    .unwrap()
                    .text;
                assert_eq!(
                    ui_format(text, &parameters, category, true),
                    expected,
                    "{tag} {code:?} for {n}"
                );
                compared += 1;
            }
        }
    }
    // Three codes with a number, in every locale, for each number.
    assert_eq!(with_numbers.len(), 3);
    assert_eq!(compared, 3 * tags().count() * sample_numbers().count());
}

#[test]
fn a_ui_that_asks_plural_rules_alone_shows_the_singular_for_zero_in_pt_br() {
    let catalog = committed_catalog("pt-BR");
    let text = &catalog["messages"]["LowerLimitNotRespected"]["context"];
    let zero = json!({"limit": 0});
    let category = omnia_errors_fluent::integer_plural_category("pt-BR", 0);
    assert_eq!(category, "one");
    assert_eq!(
        ui_format(text, &zero, category, true),
        "A coleção deve ter pelo menos 0 elementos."
    );
    assert_eq!(
        ui_format(text, &zero, category, false),
        "A coleção deve ter pelo menos 0 elemento."
    );
    // The catalogs' README says so, with the pick that looks the exact number up first.
    let readme =
        std::fs::read_to_string(Workspace::current().root().join("docs/messages/README.md"))
            .unwrap();
    assert!(
        readme.contains(
            "text[String(n)] ?? text[new Intl.PluralRules(locale).select(n)] ?? text.other"
        ),
        "{readme}"
    );
    assert!(
        readme.contains("- pt-BR: `LowerLimitNotRespected` `context`: `\"0\"`"),
        "{readme}"
    );
}
