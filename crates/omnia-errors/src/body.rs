//! The JSON body of an OMNIA error response.

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

    /// Appends a validation error.
    #[must_use]
    pub fn with_error(mut self, item: ValidationErrorItem) -> Self {
        self.errors.get_or_insert_with(Vec::new).push(item);
        self
    }

    /// The validation errors (none when the property was absent).
    pub fn errors(&self) -> &[ValidationErrorItem] {
        self.errors.as_deref().unwrap_or_default()
    }

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

/// One item of a `ValidationFailed` body's `errors`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ValidationErrorItem {
    /// The validation error code; a code from a newer server is kept as received.
    pub code: WireCode<ValidationErrorCode>,
    /// The path of the attribute the error concerns, when it concerns one.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub name: Option<String>,
    /// The human-readable message.
    pub message: String,
    /// The values of the message's parameters (the defined length, a limit, the offending value,
    /// the expected type), so a UI can localize the message again.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Parameters::is_empty"))]
    pub parameters: Parameters,
    /// Properties this version does not know, kept so that nothing a server sends is lost.
    #[cfg_attr(feature = "serde", serde(flatten))]
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

#[cfg(feature = "serde")]
crate::json::wire_object!(ErrorBody, "an OMNIA error body (a JSON object)", {
    code "code": WireCode<ErrorCode> = required,
    message "message": String = required,
    errors "errors": Option<Vec<ValidationErrorItem>> = (None),
    parameters "parameters": Parameters = (Parameters::new()),
});

#[cfg(feature = "serde")]
crate::json::wire_object!(ValidationErrorItem, "a validation error (a JSON object)", {
    code "code": WireCode<ValidationErrorCode> = required,
    name "name": Option<String> = (None),
    message "message": String = required,
    parameters "parameters": Parameters = (Parameters::new()),
});
