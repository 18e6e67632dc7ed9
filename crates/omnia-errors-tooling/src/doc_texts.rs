//! Texts only the documentation needs: the error page's own texts (`page.ftl`), the notes it
//! appends to some messages (`.note`), and each code's generic message with its parameters shown
//! by placeholders ("… the defined length of (defined length)."). Applications never format
//! these, so they are formatted here, by fluent-bundle, from the files in `locales/`.

use crate::Locales;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use omnia_errors::AnyCode;

/// The documentation texts of every locale.
pub struct DocTexts {
    /// The source locale first.
    bundles: Vec<(String, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for DocTexts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.bundles.iter().map(|(tag, _)| tag))
            .finish()
    }
}

impl DocTexts {
    /// Bundles of every locale's files, the source's first.
    ///
    /// # Errors
    ///
    /// A locale tag that is not one, or a file that does not parse: the message names it.
    /// (The locale checks report these in detail; this only refuses.)
    pub fn new(locales: &Locales) -> Result<Self, String> {
        let mut bundles = Vec::with_capacity(locales.files().len());
        for locale in locales.files() {
            let id: unic_langid::LanguageIdentifier = locale
                .tag
                .parse()
                .map_err(|_| format!("locales/{}: not a language tag", locale.tag))?;
            let mut bundle = FluentBundle::new(vec![id]);
            // Documentation is plain text: no isolation marks.
            bundle.set_use_isolating(false);
            for file in &locale.files {
                let resource = FluentResource::try_new(file.text.clone())
                    .map_err(|_| format!("{}: does not parse", file.path))?;
                bundle
                    .add_resource(resource)
                    .map_err(|_| format!("{}: defines an id twice", file.path))?;
            }
            bundles.push((locale.tag.clone(), bundle));
        }
        // `Locales` holds the source first, and every declared locale has its files.
        Ok(Self { bundles })
    }

    /// The texts of one locale, if it is there.
    pub fn language(&self, tag: &str) -> Option<DocLanguage<'_>> {
        let index = self.bundles.iter().position(|(t, _)| t == tag)?;
        Some(DocLanguage { texts: self, index })
    }

    /// The source locale's texts.
    pub fn source(&self) -> DocLanguage<'_> {
        DocLanguage {
            texts: self,
            index: 0,
        }
    }
}

/// The documentation texts of one locale.
#[derive(Clone, Copy)]
pub struct DocLanguage<'a> {
    texts: &'a DocTexts,
    index: usize,
}

impl DocLanguage<'_> {
    /// The locale's tag.
    pub fn tag(&self) -> &str {
        &self.texts.bundles[self.index].0
    }

    fn format(
        &self,
        index: usize,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<Result<String, String>> {
        let bundle = &self.texts.bundles[index].1;
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(name) => message.get_attribute(name)?.value(),
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        Some(if errors.is_empty() {
            Ok(text)
        } else {
            let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err(format!(
                "{} {id}: {}",
                self.texts.bundles[index].0,
                errors.join("; ")
            ))
        })
    }

    /// A page text (`page.ftl`), falling back to the source locale.
    pub fn page_text(&self, id: &str) -> Option<String> {
        [self.index, 0]
            .into_iter()
            .find_map(|index| self.format(index, id, None, None)?.ok())
    }

    /// The documentation note (`.note`) of a code's message in this locale.
    pub fn doc_note(&self, code: AnyCode) -> Option<String> {
        self.format(self.index, code.fluent_id(), Some("note"), None)?
            .ok()
    }

    /// A code's message as documentation shows it: generic, its required parameters shown by
    /// the locale's placeholder text (`page-placeholder-<name>`, e.g. "(defined length)").
    ///
    /// # Errors
    ///
    /// A missing placeholder text, a missing message, or a Fluent error, named.
    pub fn documented_message(&self, code: AnyCode) -> Result<String, String> {
        let tag = self.tag();
        let mut args = FluentArgs::new();
        for param in code.params().iter().filter(|p| p.required) {
            let id = format!("page-placeholder-{}", param.name);
            let text = self.page_text(&id).ok_or_else(|| {
                format!("locale {tag} has no page text {id}, the placeholder of {code}'s parameter")
            })?;
            args.set(param.name, FluentValue::from(text));
        }
        self.format(self.index, code.fluent_id(), None, Some(&args))
            .ok_or_else(|| format!("locale {tag} has no message {}", code.fluent_id()))?
    }
}

#[cfg(test)]
mod tests {
    use super::DocTexts;

    #[test]
    fn a_language_knows_its_tag_and_names_it_in_errors() {
        let locales = crate::Workspace::current().locales().unwrap();
        let texts = DocTexts::new(&locales).unwrap();
        let pl = texts.language("pl-PL").unwrap();
        assert_eq!(pl.tag(), "pl-PL");
        assert!(texts.language("xx-XX").is_none());
        assert_eq!(texts.source().tag(), locales.source().tag);
        // A page text it lacks falls back to the source; one nobody has is `None`.
        assert!(pl.page_text("page-title").is_some());
        assert_eq!(pl.page_text("page-no-such-text"), None);
    }
}
