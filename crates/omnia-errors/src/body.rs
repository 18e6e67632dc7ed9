//! The JSON body of an OMNIA error response, and the item of a `ValidationFailed` error's
//! `errors` that both bodies share.

/// What both bodies ([`ErrorBody`] and [`ProblemDetails`](crate::ProblemDetails)) have for
/// their validation errors: written once, expanded in each.
macro_rules! error_accessors {
    () => {
        /// Appends a validation error.
        #[must_use]
        pub fn with_error(mut self, item: $crate::ValidationErrorItem) -> Self {
            self.errors.get_or_insert_with(Vec::new).push(item);
            self
        }

        /// The validation errors (none when the member was absent).
        pub fn errors(&self) -> &[$crate::ValidationErrorItem] {
            self.errors.as_deref().unwrap_or_default()
        }
    };
}

pub(crate) use error_accessors;

use crate::{
    ApiError, ErrorCode, ParamError, Parameters, ValidationError, ValidationErrorCode, WireCode,
};

/// The JSON body of an error response:
/// `{"code": "...", "message": "...", "errors": [{"code": "...", "name": "...", "message": "..."}]}`.
///
/// `parameters` (here and on each item) is this crate's extension: omitted when empty, so a
/// plain OMNIA body round-trips byte for byte. Properties this version does not know are kept in
/// [`extensions`](Self::extensions) and written back after the known ones.
///
/// ```
/// use omnia_errors::{ErrorBody, ErrorCode, ValidationError, ValidationErrorItem};
///
/// let body = ErrorBody::new(ErrorCode::ValidationFailed, "Request validation failed.")
///     .with_error(ValidationErrorItem::new(
///         &ValidationError::TextMaxLengthMismatch { max_length: 50 },
///         "Value is too long to the defined length of 50.",
///     ).with_name("Description"));
///
/// let json = serde_json::to_string(&body)?;
/// assert_eq!(json, concat!(
///     r#"{"code":"ValidationFailed","message":"Request validation failed.","errors":["#,
///     r#"{"code":"TextMaxLengthMismatch","name":"Description","#,
///     r#""message":"Value is too long to the defined length of 50.","parameters":{"maxLength":50}}]}"#,
/// ));
/// assert_eq!(serde_json::from_str::<ErrorBody>(&json)?, body);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ErrorBody {
    /// The error code; a code from a newer server is kept as received.
    pub code: WireCode<ErrorCode>,
    /// The human-readable message, in the response's `Content-Language`.
    pub message: String,
    /// The validation errors of a `ValidationFailed` response. `None` when the property was
    /// absent or `null` (it is then omitted); `Some` of an empty list is written as `[]`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub errors: Option<Vec<ValidationErrorItem>>,
    /// The parameters of the error's message, e.g. a connector's own message.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Parameters::is_empty"))]
    pub parameters: Parameters,
    /// Properties this version does not know, kept so that nothing a server sends is lost.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub extensions: Parameters,
}

impl ErrorBody {
    /// A body with a code and a message, no validation errors and no parameters.
    pub fn new(code: impl Into<WireCode<ErrorCode>>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            errors: None,
            parameters: Parameters::new(),
            extensions: Parameters::new(),
        }
    }

    /// A body for a typed error, with its parameters.
    pub fn from_error(error: &ApiError, message: impl Into<String>) -> Self {
        Self {
            parameters: error.parameters(),
            ..Self::new(error.code(), message)
        }
    }

    error_accessors!();

    /// The HTTP status of this body's code; 500 for a code this version does not know, since
    /// the status of such a response cannot be derived from its body.
    pub fn http_status(&self) -> u16 {
        self.code.known().map_or(500, ErrorCode::http_status)
    }

    /// The typed error, with its parameters.
    ///
    /// # Errors
    ///
    /// [`ParamError`] when the code is unknown to this version, or a parameter is missing or of
    /// the wrong type.
    pub fn error(&self) -> Result<ApiError, ParamError> {
        ApiError::from_parameters(self.code.known_or_not_in_catalog()?, &self.parameters)
    }
}

/// One item of a `ValidationFailed` error's `errors`, in either body: OMNIA's
/// ([`ErrorBody`], where its text is called `message`) or RFC 9457's
/// ([`ProblemDetails`](crate::ProblemDetails), where the same text is called `detail`, as the
/// problem's own). One type for both, so an item read from either body is the same value.
///
/// ```
/// use omnia_errors::{ValidationError, ValidationErrorItem};
///
/// let item = ValidationErrorItem::new(&ValidationError::Duplicated, "Duplicated element.")
///     .with_name("Code");
/// assert_eq!(
///     serde_json::to_string(&item)?,
///     r#"{"code":"Duplicated","name":"Code","message":"Duplicated element."}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationErrorItem {
    /// The validation error code; a code from a newer server is kept as received.
    pub code: WireCode<ValidationErrorCode>,
    /// The path of the attribute the error concerns, when it concerns one.
    pub name: Option<String>,
    /// The human-readable message (`message` in OMNIA's body, `detail` in a problem).
    pub message: String,
    /// The values of the message's parameters (the defined length, a limit, the offending value,
    /// the expected type), so a UI can localize the message again; omitted when empty.
    pub parameters: Parameters,
    /// Properties this version does not know, kept so that nothing a server sends is lost.
    pub extensions: Parameters,
}

impl ValidationErrorItem {
    /// An item for a typed validation error, with its parameters and no attribute name.
    pub fn new(error: &ValidationError, message: impl Into<String>) -> Self {
        Self {
            code: error.code().into(),
            name: None,
            message: message.into(),
            parameters: error.parameters(),
            extensions: Parameters::new(),
        }
    }

    /// Sets the attribute path the error concerns.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The typed error, with its parameters.
    ///
    /// # Errors
    ///
    /// [`ParamError`] when the code is unknown to this version, or a parameter is missing or of
    /// the wrong type.
    pub fn error(&self) -> Result<ValidationError, ParamError> {
        ValidationError::from_parameters(self.code.known_or_not_in_catalog()?, &self.parameters)
    }
}

/// An item's JSON, written once for both bodies: the members in this order, `code`, `name`
/// (when there is one), the text under the body's key, `parameters` (when there are any), then
/// the members this version does not know; read back with unknown members kept, and `name` and
/// `parameters` optional (`null` as absent).
#[cfg(feature = "serde")]
pub(crate) mod item_json {
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::ValidationErrorItem;
    use crate::{Parameters, ValidationErrorCode, WireCode};

    /// The text's key in OMNIA's body.
    const MESSAGE: &str = "message";
    /// The text's key in a problem.
    const DETAIL: &str = "detail";

    /// An item serialized with its text under `key`.
    struct Keyed<'a>(&'a ValidationErrorItem, &'static str);

    impl Serialize for Keyed<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let Self(item, key) = *self;
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("code", &item.code)?;
            if let Some(name) = &item.name {
                map.serialize_entry("name", name)?;
            }
            map.serialize_entry(key, &item.message)?;
            end(map, &item.parameters, &item.extensions)
        }
    }

    /// Ends a body or an item: its `parameters` (when there are any), then the members this
    /// version does not know.
    pub(crate) fn end<M: SerializeMap>(
        mut map: M,
        parameters: &Parameters,
        extensions: &Parameters,
    ) -> Result<M::Ok, M::Error> {
        if !parameters.is_empty() {
            map.serialize_entry("parameters", parameters)?;
        }
        for (name, value) in extensions {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }

    impl Serialize for ValidationErrorItem {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Keyed(self, MESSAGE).serialize(serializer)
        }
    }

    /// A problem's items, written with their text under `detail`.
    pub(crate) struct InProblem<'a>(pub(crate) &'a [ValidationErrorItem]);

    impl Serialize for InProblem<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().map(|item| Keyed(item, DETAIL)))
        }
    }

    /// An item as a problem holds it: its text under `detail` (read by `wire_object!`).
    pub(crate) struct ProblemItem(pub(crate) ValidationErrorItem);

    /// A problem's `errors`, each item's text under `detail`.
    pub(crate) struct ProblemItems(Option<Vec<ValidationErrorItem>>);

    impl<'de> Deserialize<'de> for ProblemItems {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let items = Option::<Vec<ProblemItem>>::deserialize(deserializer)?;
            Ok(Self(items.map(|items| {
                items.into_iter().map(|ProblemItem(item)| item).collect()
            })))
        }
    }

    impl From<ProblemItems> for Option<Vec<ValidationErrorItem>> {
        fn from(items: ProblemItems) -> Self {
            items.0
        }
    }

    crate::json::wire_object!(ProblemItem(ValidationErrorItem), "a validation problem (a JSON object)", {
        code "code": WireCode<ValidationErrorCode> = required,
        name "name": Option<String> = (None),
        message "detail": String = required,
        parameters "parameters": Parameters = (Parameters::new()),
    });
}

#[cfg(feature = "serde")]
crate::json::wire_object!(ErrorBody, "an OMNIA error body (a JSON object)", {
    code "code": WireCode<ErrorCode> = required,
    message "message": String = required,
    errors "errors": Option<Vec<ValidationErrorItem>> = (None),
    parameters "parameters": Parameters = (Parameters::new()),
});

// One item, read under either body's key for its text.
#[cfg(feature = "serde")]
crate::json::wire_object!(ValidationErrorItem, "a validation error (a JSON object)", {
    code "code": WireCode<ValidationErrorCode> = required,
    name "name": Option<String> = (None),
    message "message": String = required,
    parameters "parameters": Parameters = (Parameters::new()),
});
