//! The RFC 9457 Problem Details body (`application/problem+json`), beside OMNIA's own.

use crate::{
    ApiError, DocsPage, ErrorCode, ParamError, Parameters, ValidationError, ValidationErrorCode,
    WireCode,
};

/// The media type of a [`ProblemDetails`] body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The `type` of a problem that names no documentation (RFC 9457, 4.2.1); what `type` is
/// when a body leaves it out.
pub const ABOUT_BLANK: &str = "about:blank";

/// An error as RFC 9457 Problem Details (`application/problem+json`): the same error as an
/// [`ErrorBody`](crate::ErrorBody), for clients that read the standard shape.
///
/// | member | holds |
/// |---|---|
/// | `type` | the code's documentation: [`DocsPage::url_of`] |
/// | `title` | the code's generic message, localized |
/// | `status` | the code's HTTP status |
/// | `detail` | the message of this occurrence, localized (with its context when known) |
/// | `instance` | optional: a URI of this occurrence |
/// | `code`, `parameters` | extension members: the OMNIA code and its message's parameters |
/// | `errors` | extension member: the validation errors of a `ValidationFailed` problem |
///
/// Reading follows RFC 9457: `type` defaults to `about:blank`, the other standard members may
/// be absent; so may `code`, for a problem that is no more than its status
/// ([`about_blank`](Self::about_blank)) or whose `type` links to a code's documentation
/// ([`code_on`](Self::code_on)). Members
/// this version does not know are kept in [`extensions`](Self::extensions) and written back.
///
/// ```
/// use omnia_errors::{ApiError, DocsPage, ProblemDetails, ValidationError, ValidationProblem};
///
/// let problem = ProblemDetails::new(&ApiError::ValidationFailed, &DocsPage::default())
///     .with_title("Request validation failed.")
///     .with_detail("Request validation failed.")
///     .with_error(
///         ValidationProblem::new(
///             &ValidationError::TextMaxLengthMismatch { max_length: 50 },
///             "Value is too long to the defined length of 50.",
///         )
///         .with_name("Description"),
///     );
///
/// let json = serde_json::to_string(&problem)?;
/// assert_eq!(json, concat!(
///     r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#ValidationFailed","#,
///     r#""title":"Request validation failed.","status":400,"detail":"Request validation failed.","#,
///     r#""code":"ValidationFailed","errors":[{"code":"TextMaxLengthMismatch","name":"Description","#,
///     r#""detail":"Value is too long to the defined length of 50.","parameters":{"maxLength":50}}]}"#,
/// ));
/// assert_eq!(serde_json::from_str::<ProblemDetails>(&json)?, problem);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ProblemDetails {
    /// A URI identifying the problem type: the code's documentation, or
    /// [`ABOUT_BLANK`] (also what an absent `type` reads as).
    #[cfg_attr(feature = "serde", serde(default = "about_blank"))]
    pub r#type: String,
    /// A short, human-readable summary of the problem type: the code's generic message.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title: Option<String>,
    /// The HTTP status of this response.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub status: Option<u16>,
    /// A human-readable explanation of this occurrence: the error's message.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub detail: Option<String>,
    /// A URI reference identifying this occurrence.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub instance: Option<String>,
    /// The OMNIA error code (an extension member); a code from a newer server is kept as
    /// received. `None` for a problem that names no code: an [`about_blank`](Self::about_blank)
    /// one (a status alone), or one read without the member, whose `type` may still be a
    /// code's documentation ([`code_on`](Self::code_on)).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub code: Option<WireCode<ErrorCode>>,
    /// The validation errors of a `ValidationFailed` problem (an extension member). `None`
    /// when absent or `null` (then omitted); `Some` of an empty list is written as `[]`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub errors: Option<Vec<ValidationProblem>>,
    /// The parameters of the error's message (an extension member), omitted when empty.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Parameters::is_empty")
    )]
    pub parameters: Parameters,
    /// Members this version does not know, kept so that nothing a server sends is lost.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub extensions: Parameters,
}

#[cfg(feature = "serde")]
fn about_blank() -> String {
    ABOUT_BLANK.to_owned()
}

impl ProblemDetails {
    /// The problem of a typed error, documented on `page`: its `type`, `status`, `code` and
    /// `parameters`. The texts (`title`, `detail`) come from a localizer, e.g.
    /// `omnia_errors_fluent::Language::problem_details`.
    pub fn new(error: &ApiError, page: &DocsPage) -> Self {
        let code = error.code();
        Self {
            r#type: page.url_of(code),
            title: None,
            status: Some(code.http_status()),
            detail: None,
            instance: None,
            code: Some(code.into()),
            errors: None,
            parameters: error.parameters(),
            extensions: Parameters::new(),
        }
    }

    /// A problem that is no more than its HTTP status (RFC 9457, 4.2.1): `type` is
    /// [`ABOUT_BLANK`], no code; its `title` should be the status's reason phrase, which
    /// `omnia_errors_fluent::Language::status_title` gives localized. For errors no catalog
    /// code fits: an unknown route's 404, a wrong method's 405.
    ///
    /// ```
    /// use omnia_errors::ProblemDetails;
    ///
    /// let problem = ProblemDetails::about_blank(405).with_title("Method Not Allowed");
    /// assert_eq!(
    ///     serde_json::to_string(&problem)?,
    ///     r#"{"type":"about:blank","title":"Method Not Allowed","status":405}"#,
    /// );
    /// assert_eq!(problem.code, None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn about_blank(status: u16) -> Self {
        Self {
            r#type: ABOUT_BLANK.to_owned(),
            title: None,
            status: Some(status),
            detail: None,
            instance: None,
            code: None,
            errors: None,
            parameters: Parameters::new(),
            extensions: Parameters::new(),
        }
    }

    /// The problem's code: its `code` member, else the code whose documentation on `page` its
    /// `type` is (a server that links its problems to the error page without the extension
    /// member). `None` for an `about:blank` problem, or a `type` that is no code's.
    ///
    /// ```
    /// use omnia_errors::{DocsPage, ErrorCode, ProblemDetails};
    ///
    /// let problem: ProblemDetails = serde_json::from_str(
    ///     r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#FileNotFound","status":404}"#,
    /// )?;
    /// assert_eq!(problem.code, None);
    /// assert_eq!(problem.code_on(&DocsPage::OMNIA), Some(ErrorCode::FileNotFound.into()));
    /// assert_eq!(problem.error(), Ok(omnia_errors::ApiError::FileNotFound));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn code_on(&self, page: &DocsPage) -> Option<WireCode<ErrorCode>> {
        if let Some(code) = &self.code {
            return Some(code.clone());
        }
        match page.code_of(&self.r#type)? {
            crate::AnyCode::Api(code) => Some(code.into()),
            crate::AnyCode::Validation(_) => None,
        }
    }

    /// Sets the `title`: the code's generic message.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the `detail`: this occurrence's message.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets the `instance`: a URI reference of this occurrence (a request's path, a trace).
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Appends a validation error.
    #[must_use]
    pub fn with_error(mut self, item: ValidationProblem) -> Self {
        self.errors.get_or_insert_with(Vec::new).push(item);
        self
    }

    /// The validation errors (none when the member was absent).
    pub fn errors(&self) -> &[ValidationProblem] {
        self.errors.as_deref().unwrap_or_default()
    }

    /// The typed error, with its parameters: of its `code`, else of the code its `type`
    /// documents on [`DocsPage::OMNIA`] (another page: [`error_on`](Self::error_on)).
    ///
    /// # Errors
    ///
    /// [`ParamError`] when the problem names no code, the code is unknown to this version, or
    /// a parameter is missing or of the wrong type.
    pub fn error(&self) -> Result<ApiError, ParamError> {
        self.error_on(&DocsPage::OMNIA)
    }

    /// The typed error, with its parameters, its code found as [`code_on`](Self::code_on)
    /// finds it.
    ///
    /// # Errors
    ///
    /// As [`error`](Self::error).
    pub fn error_on(&self, page: &DocsPage) -> Result<ApiError, ParamError> {
        let code = self.code_on(page).ok_or(ParamError::NoCode)?;
        ApiError::from_parameters(code.known_or_not_in_catalog()?, &self.parameters)
    }
}

/// One item of a `ValidationFailed` problem's `errors`: an
/// [`ValidationErrorItem`](crate::ValidationErrorItem) whose message is called `detail`, as
/// in the problem around it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ValidationProblem {
    /// The validation error code; a code from a newer server is kept as received.
    pub code: WireCode<ValidationErrorCode>,
    /// The path of the attribute the error concerns, when it concerns one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub name: Option<String>,
    /// The human-readable message.
    pub detail: String,
    /// The values of the message's parameters, so a UI can localize the message again.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Parameters::is_empty")
    )]
    pub parameters: Parameters,
    /// Members this version does not know, kept so that nothing a server sends is lost.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub extensions: Parameters,
}

impl ValidationProblem {
    /// An item for a typed validation error, with its parameters and no attribute name.
    pub fn new(error: &ValidationError, detail: impl Into<String>) -> Self {
        Self {
            code: error.code().into(),
            name: None,
            detail: detail.into(),
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
