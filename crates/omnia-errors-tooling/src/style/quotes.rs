//! Quotation marks: a locale quotes with the pair it declares (`quotes` in
//! `locales/locales.toml`), and with nothing else.
//!
//! Every text of a locale is read (message values, attributes, every variant, terms; comments
//! are not text): each quotation mark must be the locale's opening or closing one, written as
//! declared (French `«` with the no-break space after it), and each quotation must be closed
//! before the next opens. An apostrophe is no quotation mark: `'` or `’` between two letters,
//! or beside a placeable (`l’{ -record }`, `{ -record }'s`). A placeable counts as a word, so
//! `„{ $value }”` quotes a value.

use fluent_syntax::ast;

use super::{Declaration, ParsedLocale, StyleFinding, StyleFindingKind};

/// One character of a text to scan, or a placeable (a word whose characters are not known).
#[derive(Clone, Copy)]
enum Token<'a> {
    Char {
        c: char,
        /// The rest of the file's text from this character, to find where it is.
        at: &'a str,
    },
    Placeable,
}

/// The texts of one entry (a message or term), each scanned on its own: the value and each
/// attribute, and each variant of a selection apart from the text around it.
struct Texts<'a> {
    /// `(attribute, tokens)`.
    texts: Vec<(Option<&'a str>, Vec<Token<'a>>)>,
}

impl<'a> Texts<'a> {
    fn of_pattern(&mut self, attribute: Option<&'a str>, pattern: &ast::Pattern<&'a str>) {
        let mut tokens = Vec::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    tokens.extend(
                        value
                            .char_indices()
                            .map(|(i, c)| Token::Char { c, at: &value[i..] }),
                    );
                }
                ast::PatternElement::Placeable { expression } => {
                    tokens.push(Token::Placeable);
                    self.of_expression(attribute, expression);
                }
            }
        }
        self.texts.push((attribute, tokens));
    }

    fn of_expression(&mut self, attribute: Option<&'a str>, expression: &ast::Expression<&'a str>) {
        match expression {
            ast::Expression::Select { variants, .. } => {
                for variant in variants {
                    self.of_pattern(attribute, &variant.value);
                }
            }
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
                self.of_expression(attribute, expression);
            }
            ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                let tokens = value
                    .char_indices()
                    .map(|(i, c)| Token::Char { c, at: &value[i..] })
                    .collect();
                self.texts.push((attribute, tokens));
            }
            ast::Expression::Inline(_) => {}
        }
    }
}

/// Checks every text of `locale` against its declared quotes; a message listed in
/// `quote-exceptions` is left as it is, and an entry there that excuses nothing is reported.
pub(super) fn check(
    declaration: &Declaration<'_>,
    locale: &ParsedLocale<'_>,
    findings: &mut Vec<StyleFinding>,
) {
    let declared = &declaration.locale;
    let Some(quotes) = &declared.quotes else {
        findings.push(declaration.finding(None, None, StyleFindingKind::QuotesNotDeclared));
        return;
    };
    if let Err(why) = validate(quotes) {
        findings.push(declaration.finding(
            declaration.quotes_at,
            None,
            StyleFindingKind::BadQuotes(why),
        ));
        return;
    }
    let mut excused = vec![false; declared.quote_exceptions.len()];
    for file in &locale.files {
        for entry in &file.resource.body {
            let (id, texts) = match entry {
                ast::Entry::Message(message) => {
                    let mut texts = Texts { texts: Vec::new() };
                    if let Some(value) = &message.value {
                        texts.of_pattern(None, value);
                    }
                    for attribute in &message.attributes {
                        texts.of_pattern(Some(attribute.id.name), &attribute.value);
                    }
                    (message.id.name.to_owned(), texts)
                }
                ast::Entry::Term(term) => {
                    let mut texts = Texts { texts: Vec::new() };
                    texts.of_pattern(None, &term.value);
                    for attribute in &term.attributes {
                        texts.of_pattern(Some(attribute.id.name), &attribute.value);
                    }
                    (format!("-{}", term.id.name), texts)
                }
                _ => continue,
            };
            let exception = declared.quote_exceptions.iter().position(|e| *e == id);
            let mut report = |attribute: Option<&str>, at: &str, kind: Mark| {
                if let Some(index) = exception {
                    excused[index] = true;
                    return;
                }
                let attribute = attribute.map(str::to_owned);
                let quotes = quotes.clone();
                let kind = match kind {
                    Mark::Foreign(mark) => StyleFindingKind::ForeignQuote {
                        attribute,
                        mark,
                        quotes,
                    },
                    Mark::Unpaired { opening } => StyleFindingKind::UnpairedQuote {
                        attribute,
                        opening,
                        quotes,
                    },
                };
                findings.push(file.finding(locale.tag, file.position_of(at), &id, kind));
            };
            for (attribute, tokens) in &texts.texts {
                scan(tokens, quotes, &mut |at, kind| report(*attribute, at, kind));
            }
        }
    }
    for (index, excused) in excused.into_iter().enumerate() {
        if !excused {
            findings.push(declaration.finding(
                declaration.quote_exceptions_at[index],
                Some(&declared.quote_exceptions[index]),
                StyleFindingKind::NeedlessQuoteException,
            ));
        }
    }
}

/// What is wrong with a mark.
enum Mark {
    /// Not one of the locale's.
    Foreign(char),
    /// One of the locale's, without its partner.
    Unpaired { opening: bool },
}

/// A declared pair is two texts, each one quotation mark and, around it, only spaces.
fn validate(quotes: &[String; 2]) -> Result<(), String> {
    for (name, mark) in ["opening", "closing"].iter().zip(quotes) {
        let marks = mark.chars().filter(|&c| is_quotation_mark(c)).count();
        let others = mark
            .chars()
            .any(|c| !is_quotation_mark(c) && !c.is_whitespace());
        if marks != 1 || others {
            return Err(format!(
                "gives {mark:?} as the {name} mark: each of the two is one quotation mark, with \
                 only the spaces the language puts beside it"
            ));
        }
    }
    Ok(())
}

/// Scans one text, reporting each mark at fault, in text order, with the rest of the file's
/// text from it.
fn scan<'a>(tokens: &[Token<'a>], quotes: &[String; 2], report: &mut dyn FnMut(&'a str, Mark)) {
    let mut found = Vec::new();
    marks_at_fault(tokens, quotes, &mut |at, mark| found.push((at, mark)));
    // Every `at` is a slice of the file's text (or of the literal's): in text order by address.
    found.sort_by_key(|(at, _)| at.as_ptr().addr());
    for (at, mark) in found {
        report(at, mark);
    }
}

fn marks_at_fault<'a>(
    tokens: &[Token<'a>],
    quotes: &[String; 2],
    report: &mut dyn FnMut(&'a str, Mark),
) {
    let [open, close] = quotes.each_ref().map(|q| q.chars().collect::<Vec<char>>());
    let same = open == close;
    // Where the quotation now open started, if one is.
    let mut opened: Option<&'a str> = None;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let Token::Char { c, at } = *token else {
            i += 1;
            continue;
        };
        let starts = |mark: &[char]| {
            mark.iter()
                .enumerate()
                .all(|(k, m)| matches!(tokens.get(i + k), Some(Token::Char { c, .. }) if c == m))
        };
        // With straight quotes, the same mark opens and closes, in turn.
        if starts(&open) && !(same && opened.is_some()) {
            if let Some(previous) = opened.replace(at) {
                report(previous, Mark::Unpaired { opening: true });
            }
            i += open.len();
        } else if starts(&close) {
            if opened.take().is_none() {
                report(at, Mark::Unpaired { opening: false });
            }
            i += close.len();
        } else {
            if is_quotation_mark(c) && !is_apostrophe(tokens, i) {
                report(at, Mark::Foreign(c));
            }
            i += 1;
        }
    }
    if let Some(at) = opened {
        report(at, Mark::Unpaired { opening: true });
    }
}

/// Quotation marks of any language: straight, English, German, Polish, French, CJK corners.
fn is_quotation_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'..='\u{201F}'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'..='』'
            | '＂'
            | '＇'
    )
}

/// `'` or `’` inside a word (`can't`, `l’entité`) or beside a placeable (`l’{ -record }`,
/// `{ -record }'s`): an apostrophe.
fn is_apostrophe(tokens: &[Token<'_>], i: usize) -> bool {
    let wordy = |token: Option<&Token<'_>>| match token {
        Some(Token::Char { c, .. }) => c.is_alphanumeric(),
        Some(Token::Placeable) => true,
        None => false,
    };
    matches!(
        tokens.get(i),
        Some(Token::Char {
            c: '\'' | '’', ..
        })
    ) && i.checked_sub(1).is_some_and(|p| wordy(tokens.get(p)))
        && wordy(tokens.get(i + 1))
}

#[cfg(test)]
mod tests {
    use super::{Mark, Token, scan, validate};

    fn findings(text: &str, quotes: [&str; 2]) -> Vec<String> {
        let tokens: Vec<Token<'_>> = text
            .char_indices()
            .map(|(i, c)| {
                if c == '@' {
                    Token::Placeable
                } else {
                    Token::Char { c, at: &text[i..] }
                }
            })
            .collect();
        let mut found = Vec::new();
        scan(&tokens, &quotes.map(str::to_owned), &mut |at, mark| {
            let column = text[..text.len() - at.len()].chars().count();
            found.push(match mark {
                Mark::Foreign(c) => format!("{column}: foreign {c}"),
                Mark::Unpaired { opening } => format!("{column}: unpaired, opening {opening}"),
            });
        });
        found
    }

    #[test]
    fn the_declared_pair_passes_in_order_and_nothing_else_does() {
        assert!(findings("a „@” and „b”.", ["„", "”"]).is_empty());
        assert_eq!(
            findings("a \"@\".", ["„", "”"]),
            ["2: foreign \"", "4: foreign \""]
        );
        assert_eq!(
            findings("a „@“.", ["„", "”"]),
            ["2: unpaired, opening true", "4: foreign “"]
        );
        assert_eq!(
            findings("a ”@„.", ["„", "”"]),
            ["2: unpaired, opening false", "4: unpaired, opening true"]
        );
        assert_eq!(
            findings("„a „b”", ["„", "”"]),
            ["0: unpaired, opening true"]
        );
    }

    #[test]
    fn straight_quotes_open_and_close_in_turn() {
        assert!(findings("a \"@\" b \"c\"", ["\"", "\""]).is_empty());
        assert_eq!(
            findings("a \"@\" \"b", ["\"", "\""]),
            ["6: unpaired, opening true"]
        );
        assert_eq!(
            findings("a «b»", ["\"", "\""]),
            ["2: foreign «", "4: foreign »"]
        );
    }

    #[test]
    fn french_marks_need_their_no_break_spaces() {
        let fr = ["«\u{a0}", "\u{a0}»"];
        assert!(findings("la «\u{a0}@\u{a0}» l’@", fr).is_empty());
        // Plain spaces are not the declared ones.
        assert_eq!(findings("la « @ »", fr), ["3: foreign «", "7: foreign »"]);
    }

    #[test]
    fn apostrophes_are_no_quotation_marks() {
        assert!(findings("can't, l’entité, l’@, @'s", ["\"", "\""]).is_empty());
        assert_eq!(
            findings("to 'System' it", ["\"", "\""]),
            ["3: foreign '", "10: foreign '"]
        );
    }

    #[test]
    fn a_declaration_is_one_mark_each_with_spaces_only() {
        assert!(validate(&["«\u{a0}".into(), "\u{a0}»".into()]).is_ok());
        assert!(validate(&["„".into(), "”".into()]).is_ok());
        assert!(validate(&[String::new(), "”".into()]).is_err());
        assert!(validate(&["„„".into(), "”".into()]).is_err());
        assert!(validate(&["„".into(), "x”".into()]).is_err());
    }
}
