//! The RFC 9457 Problem Details body (`application/problem+json`), beside OMNIA's own.

use crate::{
    ApiError, DocsPage, ErrorBody, ErrorCode, ParamError, Parameters, ValidationErrorItem, WireCode,
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
/// | `errors` | extension member: the validation errors of a `ValidationFailed` problem, each a [`ValidationErrorItem`] whose text is called `detail` |
///
/// Reading follows RFC 9457: `type` defaults to `about:blank`, the other standard members may
/// be absent; so may `code`, for a problem that is no more than its status
/// ([`about_blank`](Self::about_blank)) or whose `type` links to a code's documentation
/// ([`code_on`](Self::code_on)). Members
/// this version does not know are kept in [`extensions`](Self::extensions) and written back.
///
/// ```
/// use omnia_errors::{ApiError, DocsPage, ProblemDetails, ValidationError, ValidationErrorItem};
///
/// let problem = ProblemDetails::new(&ApiError::ValidationFailed, &DocsPage::default())
///     .with_title("Request validation failed.")
///     .with_detail("Request validation failed.")
///     .with_error(
///         ValidationErrorItem::new(
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
///
/// Written in this order: the RFC's members, then OMNIA's, then the unknown ones; a member
/// without a value (`title`, `status`, `detail`, `instance`, `errors`) is left out, and so are
/// empty `parameters`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemDetails {
    /// A URI identifying the problem type: the code's documentation, or
    /// [`ABOUT_BLANK`] (also what an absent `type` reads as).
    pub r#type: String,
    /// A short, human-readable summary of the problem type: the code's generic message.
    pub title: Option<String>,
    /// The HTTP status of this response.
    pub status: Option<u16>,
    /// A human-readable explanation of this occurrence: the error's message.
    pub detail: Option<String>,
    /// A URI reference identifying this occurrence.
    pub instance: Option<String>,
    /// The OMNIA error code (an extension member); a code from a newer server is kept as
    /// received. `None` for a problem that names no code: an [`about_blank`](Self::about_blank)
    /// one (a status alone), or one read without the member, whose `type` may still be a
    /// code's documentation ([`code_on`](Self::code_on)).
    pub code: Option<WireCode<ErrorCode>>,
    /// The validation errors of a `ValidationFailed` problem (an extension member), each
    /// item's text called `detail` there. `None` when absent or `null`; `Some` of an empty
    /// list is written as `[]`.
    pub errors: Option<Vec<ValidationErrorItem>>,
    /// The parameters of the error's message (an extension member).
    pub parameters: Parameters,
    /// Members this version does not know, kept so that nothing a server sends is lost.
    pub extensions: Parameters,
}

#[cfg(feature = "serde")]
impl serde::Serialize for ProblemDetails {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", &self.r#type)?;
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        for (key, text) in [("detail", &self.detail), ("instance", &self.instance)] {
            if let Some(text) = text {
                map.serialize_entry(key, text)?;
            }
        }
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        if let Some(errors) = &self.errors {
            map.serialize_entry("errors", &crate::body::item_json::InProblem(errors))?;
        }
        crate::body::item_json::end(map, &self.parameters, &self.extensions)
    }
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

    /// The same error as an OMNIA body: its message becomes the `detail` and each item's the
    /// item's `detail`; `code`, `parameters`, `errors` and unknown members are kept as they
    /// are. `type` is the code's documentation on `page` and `status` its HTTP status; for a
    /// code this version does not know, `about:blank` and none. The `title` (the code's
    /// generic message, which a body does not carry) is left to set.
    ///
    /// ```
    /// use omnia_errors::{DocsPage, ErrorBody, ErrorCode, ProblemDetails};
    ///
    /// let body = ErrorBody::new(ErrorCode::EntityNotFound, "Entity can't be found.");
    /// let problem = ProblemDetails::from_body(body, &DocsPage::default());
    /// assert_eq!(problem.detail.as_deref(), Some("Entity can't be found."));
    /// assert_eq!(problem.status, Some(404));
    /// assert!(problem.r#type.ends_with("#EntityNotFound"));
    /// ```
    pub fn from_body(body: ErrorBody, page: &DocsPage) -> Self {
        let known = body.code.known();
        Self {
            r#type: known.map_or_else(|| ABOUT_BLANK.to_owned(), |code| page.url_of(code)),
            title: None,
            status: known.map(ErrorCode::http_status),
            detail: Some(body.message),
            instance: None,
            code: Some(body.code),
            errors: body.errors,
            parameters: body.parameters,
            extensions: body.extensions,
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

    crate::body::error_accessors!();

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

#[cfg(feature = "serde")]
crate::json::wire_object!(ProblemDetails, "an RFC 9457 problem (a JSON object)", {
    r#type "type": String = (ABOUT_BLANK.to_owned()),
    title "title": Option<String> = (None),
    status "status": Option<u16> = (None),
    detail "detail": Option<String> = (None),
    instance "instance": Option<String> = (None),
    code "code": Option<WireCode<ErrorCode>> = (None),
    errors "errors": Option<Vec<ValidationErrorItem>> as crate::body::item_json::ProblemItems = (None),
    parameters "parameters": Parameters = (Parameters::new()),
});
