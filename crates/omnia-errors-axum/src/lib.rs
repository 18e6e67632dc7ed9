//! OMNIA API errors as [axum](https://docs.rs/axum) responses: the catalog's HTTP status, the
//! JSON body — OMNIA's [`ErrorBody`], or RFC 9457 [`ProblemDetails`] when the request asks
//! for `application/problem+json` — and messages in the language the request asks for.
//!
//! # Design
//!
//! [`IntoResponse`] cannot see the request, so the work is split in two:
//!
//! - **[`LocalizeErrorsLayer`]** (a tower layer, added with
//!   [`Router::layer`](axum::Router::layer)) holds the application's [`Localizer`]. While it
//!   runs a request, it makes that localizer and the request's `Accept-Language` and `Accept`
//!   known to the task answering it (a Tokio task-local), and on the way out adds
//!   `Vary: accept-language` and `Vary: accept` to error responses.
//! - **[`OmniaError`]** is what handlers return (`Result<T, OmniaError>`). It holds the typed
//!   error ([`ApiError`]) and, for `ValidationFailed`, its [`FieldError`]s. Its `IntoResponse`
//!   negotiates the request's language and format ([`ErrorFormat::negotiate`]) and writes the
//!   body once, in that language: the catalog's status, `Content-Type` (`application/json` or
//!   `application/problem+json`), `Content-Language` (the locale(s) the messages are actually
//!   in). It keeps the error itself in the response's extensions.
//!
//! So handlers need no extra parameter, `?` converts an [`ApiError`] or a [`ValidationError`],
//! negotiation happens in one place and only for errors, and a body is never rewritten (so no
//! header of the handler's describes other bytes). Forgetting the layer degrades to correct
//! English responses (formatted with a localizer of the embedded messages made for the
//! occasion), never to broken ones. The layer localizes every error produced *inside* it
//! (handlers, extractors whose rejection is an [`OmniaError`], inner middleware).
//!
//! Header handling never fails: `Accept-Language` and `Accept` lines that are not UTF-8 are
//! ignored as if absent, several lines are read as one list, garbage entries are skipped, and
//! only the first 4 KiB of each header are read; with nothing usable, the answer is OMNIA's
//! body (or the layer's [preferred format](LocalizeErrorsLayer::preferred_format)) in en-US.
//!
//! # Problem Details
//!
//! A request with `Accept: application/problem+json` gets the same error as RFC 9457 Problem
//! Details. Its `type` is the code's documentation, an anchor of the error page:
//! [`DocsPage::OMNIA`] unless the layer is given another with
//! [`docs_page`](LocalizeErrorsLayer::docs_page).
//!
//! ```text
//! HTTP/1.1 404 Not Found
//! content-type: application/problem+json
//! content-language: en-US
//! vary: accept-language
//! vary: accept
//!
//! {"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#EntityNotFound",
//!  "title":"Entity can't be found.","status":404,"detail":"Entity can't be found.",
//!  "code":"EntityNotFound"}
//! ```
//!
//! # Example
//!
//! ```
//! use axum::{Router, body::Body, extract::Path, http::Request, routing::get};
//! use omnia_errors::{ApiError, ValidationError};
//! use omnia_errors_axum::{FieldError, LocalizeErrorsLayer, OmniaError};
//! use omnia_errors_fluent::Localizer;
//! use tower_service::Service;
//!
//! async fn get_customer(Path(id): Path<u32>) -> Result<String, OmniaError> {
//!     let name = (id == 1).then(|| "Ada".to_owned()).ok_or(ApiError::EntityNotFound)?;
//!     Ok(name) // `?` above turned the `ApiError` into an `OmniaError`
//! }
//!
//! async fn save_customer() -> Result<(), OmniaError> {
//!     Err(OmniaError::validation_failed([
//!         FieldError::new(ValidationError::TextMaxLengthMismatch { max_length: 50 })
//!             .with_name("Description"),
//!     ]))
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let localizer = Localizer::embedded();
//! let mut app = Router::new()
//!     .route("/customers/{id}", get(get_customer).put(save_customer))
//!     .layer(LocalizeErrorsLayer::new(localizer));
//! // Serve it with `axum::serve(listener, app)`; here one request goes straight to the router.
//!
//! let request = Request::get("/customers/7")
//!     .header("accept-language", "en-GB, pt;q=0.5")
//!     .body(Body::empty())?;
//! let response = app.call(request).await?;
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-language"], "en-US");
//! let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
//! assert_eq!(vary, ["accept-language", "accept"]);
//! let body = axum::body::to_bytes(response.into_body(), 64 * 1024).await?;
//! assert_eq!(body, r#"{"code":"EntityNotFound","message":"Entity can't be found."}"#);
//!
//! // The same error as RFC 9457 Problem Details.
//! let request = Request::get("/customers/7")
//!     .header("accept", "application/problem+json")
//!     .body(Body::empty())?;
//! let response = app.call(request).await?;
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! let body = axum::body::to_bytes(response.into_body(), 64 * 1024).await?;
//! let problem: omnia_errors::ProblemDetails = serde_json::from_slice(&body)?;
//! assert_eq!(problem.r#type, "https://docs.omnialowcode.com/omnia3_api_errors.html#EntityNotFound");
//! assert_eq!(problem.status, Some(404));
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use omnia_errors::{ApiError, DocsPage, ErrorBody, ErrorFormat, ProblemDetails, ValidationError};
use omnia_errors_fluent::{Language, Localized, Localizer};
use tower_layer::Layer;
use tower_service::Service;

/// An OMNIA API error, as a handler returns it: the typed error and, for `ValidationFailed`,
/// its validation errors. Messages are formatted when the response is written, in the
/// request's language when the response passes through [`LocalizeErrorsLayer`] (in en-US
/// otherwise); see the [crate docs](crate) for the design.
///
/// The response keeps this value in its extensions, so that outer middleware (logging,
/// metrics) can read the error with `response.extensions().get::<OmniaError>()`.
///
/// ```
/// use omnia_errors::{ApiError, ValidationError};
/// use omnia_errors_axum::{FieldError, OmniaError};
///
/// let message = Some("Timeout".to_owned());
/// let error = OmniaError::from(ApiError::ConnectorBehaviourFailed { message });
/// assert_eq!(error.status_code(), 400);
///
/// let invalid = OmniaError::validation_failed([
///     FieldError::new(ValidationError::TextMaxLengthMismatch { max_length: 50 })
///         .with_name("Description"),
///     ValidationError::RequiredValue { path: None }.into(),
/// ]);
/// assert_eq!(invalid.field_errors().len(), 2);
/// assert_eq!(
///     invalid.to_string(),
///     "ValidationFailed: TextMaxLengthMismatch (Description), RequiredValue",
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmniaError {
    error: ApiError,
    /// Only ever non-empty for `ValidationFailed`.
    field_errors: Vec<FieldError>,
}

/// One validation error of a `ValidationFailed` [`OmniaError`], with the name (path) of the
/// attribute it concerns when it concerns one. Becomes an item of the body's `errors`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    error: ValidationError,
    name: Option<String>,
}

impl FieldError {
    /// A validation error that concerns no particular attribute.
    pub fn new(error: ValidationError) -> Self {
        Self { error, name: None }
    }

    /// Sets the name (path) of the attribute the error concerns, e.g. `"Description"`.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The typed validation error.
    pub fn error(&self) -> &ValidationError {
        &self.error
    }

    /// The attribute's name (path), if any.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl From<ValidationError> for FieldError {
    fn from(error: ValidationError) -> Self {
        Self::new(error)
    }
}

impl OmniaError {
    /// An error without validation errors. (`ApiError::ValidationFailed` is accepted and gives a
    /// body without `errors`; use [`validation_failed`](Self::validation_failed) to list them.)
    pub fn new(error: ApiError) -> Self {
        Self {
            error,
            field_errors: Vec::new(),
        }
    }

    /// A `ValidationFailed` error listing its validation errors, in order.
    pub fn validation_failed(errors: impl IntoIterator<Item = FieldError>) -> Self {
        Self {
            error: ApiError::ValidationFailed,
            field_errors: errors.into_iter().collect(),
        }
    }

    /// The typed API error.
    pub fn error(&self) -> &ApiError {
        &self.error
    }

    /// The validation errors (empty unless this is a `ValidationFailed` error).
    pub fn field_errors(&self) -> &[FieldError] {
        &self.field_errors
    }

    /// The HTTP status of the response, from the catalog.
    pub fn status_code(&self) -> StatusCode {
        self.error.code().status_code()
    }

    /// The JSON body in a language, e.g. for a transport other than HTTP responses.
    ///
    /// ```
    /// use omnia_errors::ApiError;
    /// use omnia_errors_axum::OmniaError;
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let localizer = Localizer::embedded();
    /// let body = OmniaError::from(ApiError::EntityNotFound).body(&localizer.source());
    /// assert_eq!(body.message, "Entity can't be found.");
    /// ```
    pub fn body(&self, language: &Language) -> ErrorBody {
        language.error_body(&self.error, self.items()).body
    }

    /// The same error as RFC 9457 Problem Details, its `type` a link to the code on `page`.
    ///
    /// ```
    /// use omnia_errors::{ApiError, DocsPage};
    /// use omnia_errors_axum::OmniaError;
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let page = DocsPage::new("https://api.example.com/errors.html")?;
    /// let language = Localizer::embedded().source();
    /// let problem = OmniaError::from(ApiError::EntityNotFound).problem_details(&language, &page);
    /// assert_eq!(problem.r#type, "https://api.example.com/errors.html#EntityNotFound");
    /// assert_eq!(problem.detail.as_deref(), Some("Entity can't be found."));
    /// # Ok::<(), omnia_errors::DocsPageError>(())
    /// ```
    pub fn problem_details(&self, language: &Language, page: &DocsPage) -> ProblemDetails {
        language
            .problem_details(&self.error, self.items(), page)
            .body
    }

    fn items(&self) -> impl Iterator<Item = (&ValidationError, Option<&str>)> {
        self.field_errors
            .iter()
            .map(|f| (&f.error, f.name.as_deref()))
    }

    /// Writes the body of `format` and its content headers into a new `response`.
    fn write(
        &self,
        language: &Language,
        format: ErrorFormat,
        page: &DocsPage,
        response: &mut Response,
    ) {
        let (json, locales) = match format {
            ErrorFormat::Omnia => to_json(&language.error_body(&self.error, self.items())),
            ErrorFormat::ProblemDetails => {
                to_json(&language.problem_details(&self.error, self.items(), page))
            }
        };
        *response.body_mut() = Body::from(json);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(format.media_type()));
        // Never empty (a body has at least its own message), and locale tags are ASCII
        // letters, digits and '-': always a valid header value. The response is new, so there
        // is no other `Content-Language` to replace.
        if let Ok(value) = HeaderValue::try_from(locales.join(", ")) {
            headers.insert(CONTENT_LANGUAGE, value);
        }
    }
}

/// A body's JSON, and the locales of its messages (a `Content-Language`).
fn to_json<B: serde::Serialize>(localized: &Localized<B>) -> (Vec<u8>, Vec<String>) {
    // A body is strings, numbers and maps with string keys: serializing cannot fail. Were it
    // to, an empty object is still JSON, and no panic.
    let json = serde_json::to_vec(&localized.body).unwrap_or_else(|_| b"{}".to_vec());
    let locales = localized.locales.iter().map(ToString::to_string).collect();
    (json, locales)
}

impl From<ApiError> for OmniaError {
    fn from(error: ApiError) -> Self {
        Self::new(error)
    }
}

impl From<ValidationError> for OmniaError {
    /// A `ValidationFailed` error with this one validation error.
    fn from(error: ValidationError) -> Self {
        Self::validation_failed([FieldError::new(error)])
    }
}

impl From<FieldError> for OmniaError {
    /// A `ValidationFailed` error with this one validation error.
    fn from(error: FieldError) -> Self {
        Self::validation_failed([error])
    }
}

impl fmt::Display for OmniaError {
    /// The codes, not the messages (those depend on the request): `EntityNotFound`, or
    /// `ValidationFailed: TextMaxLengthMismatch (Description), RequiredValue`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.error.code().as_str())?;
        for (i, field) in self.field_errors.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { ", " })?;
            f.write_str(field.error.code().as_str())?;
            if let Some(name) = &field.name {
                write!(f, " ({name})")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for OmniaError {}

tokio::task_local! {
    /// The request [`LocalizeErrors`] is answering, for the errors its inner service turns
    /// into responses.
    static REQUEST: RequestContext;
}

/// What an error response needs of its request: the layer's settings and the `Accept` and
/// `Accept-Language` lines (negotiated only when an error happens).
#[derive(Clone)]
struct RequestContext {
    settings: Arc<Settings>,
    accept: Vec<HeaderValue>,
    accept_language: Vec<HeaderValue>,
}

impl IntoResponse for OmniaError {
    /// The catalog's status and the body, written once: in the language and format the
    /// request asks for when the response is made inside [`LocalizeErrorsLayer`], else
    /// OMNIA's body in en-US.
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = self.status_code();
        let written = REQUEST.try_with(|request| {
            let language = negotiate(&request.settings.localizer, &request.accept_language);
            let accept = one_list(&request.accept).unwrap_or_default();
            let format = ErrorFormat::negotiate(&accept, request.settings.preferred);
            self.write(
                &language,
                format,
                &request.settings.docs_page,
                &mut response,
            );
        });
        if written.is_err() {
            let language = Localizer::embedded().source();
            self.write(
                &language,
                ErrorFormat::Omnia,
                &DocsPage::OMNIA,
                &mut response,
            );
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// A tower layer under which [`OmniaError`] responses are written in the language of the
/// request's `Accept-Language` and the format of its `Accept` (OMNIA's body, or RFC 9457
/// Problem Details for `Accept: application/problem+json`), with `Vary: Accept-Language,
/// Accept`. See the [crate docs](crate).
///
/// ```
/// use axum::{Router, routing::get};
/// use omnia_errors::{DocsPage, ErrorFormat};
/// use omnia_errors_axum::LocalizeErrorsLayer;
/// use omnia_errors_fluent::Localizer;
///
/// let layer = LocalizeErrorsLayer::new(Localizer::embedded())
///     // Problem Details unless the client asks for `application/json` alone.
///     .preferred_format(ErrorFormat::ProblemDetails)
///     // Each problem's `type` links to the code on this page (default: the OMNIA docs site).
///     .docs_page(DocsPage::new("https://api.example.com/docs/errors.html")?);
/// let app: Router = Router::new().route("/", get(|| async { "hello" })).layer(layer);
/// # Ok::<(), omnia_errors::DocsPageError>(())
/// ```
#[derive(Clone, Debug)]
pub struct LocalizeErrorsLayer {
    settings: Arc<Settings>,
}

/// What every request under a layer shares.
#[derive(Clone, Debug)]
struct Settings {
    localizer: Localizer,
    preferred: ErrorFormat,
    docs_page: DocsPage,
}

impl LocalizeErrorsLayer {
    /// A layer formatting with `localizer` (cheap to clone: share the application's),
    /// answering OMNIA's body unless a request asks for Problem Details, whose `type` links to
    /// [`DocsPage::OMNIA`].
    pub fn new(localizer: Localizer) -> Self {
        Self {
            settings: Arc::new(Settings {
                localizer,
                preferred: ErrorFormat::Omnia,
                docs_page: DocsPage::OMNIA,
            }),
        }
    }

    /// The format of a response whose request does not prefer one (no `Accept`, `*/*`, or
    /// both types equally): [`ErrorFormat::Omnia`] unless set. A request that asks for one of
    /// the two types alone still gets it.
    #[must_use]
    pub fn preferred_format(mut self, format: ErrorFormat) -> Self {
        Arc::make_mut(&mut self.settings).preferred = format;
        self
    }

    /// The page each Problem Details `type` links to ([`DocsPage::url_of`]).
    #[must_use]
    pub fn docs_page(mut self, page: DocsPage) -> Self {
        Arc::make_mut(&mut self.settings).docs_page = page;
        self
    }
}

impl<S> Layer<S> for LocalizeErrorsLayer {
    type Service = LocalizeErrors<S>;

    fn layer(&self, inner: S) -> Self::Service {
        LocalizeErrors {
            inner,
            settings: Arc::clone(&self.settings),
        }
    }
}

/// The service of [`LocalizeErrorsLayer`], wrapping `S`.
#[derive(Clone, Debug)]
pub struct LocalizeErrors<S> {
    inner: S,
    settings: Arc<Settings>,
}

impl<S, B> Service<Request<B>> for LocalizeErrors<S>
where
    S: Service<Request<B>, Response = Response>,
    S::Future: Send + 'static,
    S::Error: 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        // Cheap: header values share their bytes, the localizer is a reference count. Nothing
        // is negotiated unless an error response is made.
        let lines = |name| request.headers().get_all(name).iter().cloned().collect();
        let context = RequestContext {
            settings: Arc::clone(&self.settings),
            accept: lines(ACCEPT),
            accept_language: lines(ACCEPT_LANGUAGE),
        };
        let response = REQUEST.scope(context, self.inner.call(request));
        ResponseFuture(Box::pin(async move {
            let mut response = response.await?;
            if response.extensions().get::<OmniaError>().is_some() {
                // Both headers decided the response: its language and its format.
                add_vary(response.headers_mut(), &ACCEPT_LANGUAGE);
                add_vary(response.headers_mut(), &ACCEPT);
            }
            Ok(response)
        }))
    }
}

/// The response future of [`LocalizeErrors`].
pub struct ResponseFuture<E>(Pin<Box<dyn Future<Output = Result<Response, E>> + Send>>);

impl<E> Future for ResponseFuture<E> {
    type Output = Result<Response, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.0.as_mut().poll(cx)
    }
}

impl<E> fmt::Debug for ResponseFuture<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}

/// The language for the `Accept-Language` lines of a request: lines that are not UTF-8 are
/// ignored, several lines are one comma-separated list, and none means en-US.
fn negotiate(localizer: &Localizer, lines: &[HeaderValue]) -> Language {
    match one_list(lines) {
        None => localizer.source(),
        Some(header) => localizer.for_accept_language(&header),
    }
}

/// A header's lines as the one comma-separated list RFC 9110 reads them as (borrowed when
/// there is one line): lines that are not UTF-8 are ignored as if absent, and `None` when no
/// line is left.
fn one_list(lines: &[HeaderValue]) -> Option<Cow<'_, str>> {
    let mut texts = lines
        .iter()
        .filter_map(|line| std::str::from_utf8(line.as_bytes()).ok());
    let first = texts.next()?;
    let Some(second) = texts.next() else {
        return Some(Cow::Borrowed(first));
    };
    let mut joined = format!("{first}, {second}");
    for text in texts {
        joined.push_str(", ");
        joined.push_str(text);
    }
    Some(Cow::Owned(joined))
}

/// Adds `name` to `Vary`, unless it (or `*`) is already there.
fn add_vary(headers: &mut HeaderMap, name: &HeaderName) {
    let covered = headers
        .get_all(VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|listed| listed == "*" || listed.eq_ignore_ascii_case(name.as_str()));
    if !covered {
        headers.append(VARY, HeaderValue::from(name.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layer_is_ready_only_when_the_service_it_wraps_is() {
        struct NotReady;
        impl Service<Request<()>> for NotReady {
            type Response = Response;
            type Error = std::convert::Infallible;
            type Future = std::future::Ready<Result<Response, Self::Error>>;
            fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
                Poll::Pending
            }
            fn call(&mut self, _: Request<()>) -> Self::Future {
                std::future::ready(Ok(Response::default()))
            }
        }
        let mut service = LocalizeErrorsLayer::new(Localizer::embedded()).layer(NotReady);
        let mut cx = Context::from_waker(std::task::Waker::noop());
        assert!(service.poll_ready(&mut cx).is_pending());
    }

    #[test]
    fn a_field_error_keeps_its_attribute_name() {
        let error = FieldError::new(ValidationError::Duplicated);
        assert_eq!(error.name(), None);
        assert_eq!(error.with_name("Code").name(), Some("Code"));
    }

    fn vary(values: &[&'static str]) -> Vec<String> {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(VARY, HeaderValue::from_static(value));
        }
        add_vary(&mut headers, &ACCEPT_LANGUAGE);
        headers
            .get_all(VARY)
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn vary_gets_accept_language_once() {
        assert_eq!(vary(&[]), ["accept-language"]);
        assert_eq!(vary(&["origin"]), ["origin", "accept-language"]);
        assert_eq!(
            vary(&["Origin, Accept-Language"]),
            ["Origin, Accept-Language"]
        );
        assert_eq!(vary(&["*"]), ["*"]);
    }

    #[test]
    fn accept_lines_are_one_list() -> Result<(), Box<dyn std::error::Error>> {
        let lines = [
            HeaderValue::from_static("text/html"),
            HeaderValue::from_bytes(b"\xffapplication/json")?,
            HeaderValue::from_static("application/problem+json"),
        ];
        let header = one_list(&lines).unwrap_or_default();
        assert_eq!(header, "text/html, application/problem+json");
        assert_eq!(
            ErrorFormat::negotiate(&header, ErrorFormat::Omnia),
            ErrorFormat::ProblemDetails
        );
        assert_eq!(one_list(&[]), None);
        assert!(matches!(
            one_list(&lines[..1]),
            Some(Cow::Borrowed("text/html"))
        ));
        Ok(())
    }

    #[test]
    fn accept_language_lines_are_joined_and_non_utf8_ones_ignored()
    -> Result<(), Box<dyn std::error::Error>> {
        let localizer = Localizer::embedded();
        let line = |bytes: &[u8]| HeaderValue::from_bytes(bytes);
        let locale = |lines: &[HeaderValue]| negotiate(&localizer, lines).locale().to_string();
        assert_eq!(locale(&[]), "en-US");
        assert_eq!(locale(&[line(b"\xff\xfe pt-PT")?]), "en-US");
        assert_eq!(locale(&[line(b"\xffpt-BR")?, line(b"pt-PT")?]), "pt-PT");
        assert_eq!(
            locale(&[line(b"xx")?, line(b"yy;q=0.9")?, line(b"de")?]),
            "de-DE"
        );
        Ok(())
    }
}
