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
//! # What no handler wrote
//!
//! ## Extractors
//!
//! [`Json`], [`Path`] and [`Query`] replace axum's (same shape, `Deref`, `IntoResponse` for
//! `Json`), rejecting with catalog errors instead of plain text:
//!
//! | what is wrong | answer |
//! |---|---|
//! | no JSON `Content-Type` (`application/json`, `application/*+json`), or a body that is not JSON | `InvalidInput` (400) |
//! | a JSON body, path or query string of the wrong shape | `ValidationFailed` (400), its item naming the attribute (`Address.ZipCode`, `Lines[2].Quantity`) |
//! | … a required value missing | the item is `RequiredValue`, its `path` the attribute |
//! | … a value of the wrong type | the item is `TypeMismatch`: `path`, `value` (as received) and `type` (`Integer`, `Decimal`, `Boolean`, `Text`, `List`, `Object`, or the type's own name) |
//! | an unknown or repeated field (`#[serde(deny_unknown_fields)]`) | `InvalidInput` (400): the request's structure, not a value, is wrong |
//! | a body larger than axum's limit ([`DefaultBodyLimit`](axum::extract::DefaultBodyLimit), 2 MB unless set) | 413 without a body, which [`LocalizeErrorsLayer`] answers as an `about:blank` problem |
//! | a route whose path parameters do not fit the extractor's type (a server bug) | `InternalError` (500) |
//!
//! serde stops at the first error of a value, so a request gets one validation item: the
//! first wrong or missing attribute in the order serde reads them. A body is read with axum's
//! limit, then parsed once as JSON (so that the value at fault can be quoted) and read into the
//! type from that.
//!
//! ## Responses without a body
//!
//! Routing's 404 and 405, a handler's bare `StatusCode`, tower-http's timeout (408) and body
//! limit (413), the extractors' 413: the layer answers them in the request's language.
//!
//! | status | answer | why |
//! |---|---|---|
//! | 400 | `InvalidInput` | "Invalid request input data." is what a bare 400 says, whatever the handler found wrong |
//! | 500 | `InternalError` | "Internal system error." is what a bare 500 says |
//! | any other 4xx or 5xx | RFC 9457 `about:blank`, its `title` the status's reason phrase in the request's language ([`Language::status_title`](omnia_errors_fluent::Language::status_title)) | no code means what the status means in every situation: `EntityNotFound`, `DataNotFound`, `FileNotFound` and `TenantNotFound` each say *what* was not found, which an unknown route's 404 does not; `ConnectorNotFound` and `ConnectorTimeout` (503) speak of a connector, not of a proxy or an overloaded server; `EntityAlreadyExists` (409), `EntityHasBeenChanged` (412) and `MissingSystemConfiguration` (424) are narrower than their statuses. A wrong code would send a UI to the wrong advice. |
//! | below 400 | untouched | not an error |
//!
//! A catalog code is written in the negotiated format (OMNIA's body or Problem Details); an
//! `about:blank` problem is always `application/problem+json`, since OMNIA's body has no way to
//! say "no code" (its `code` is required) and RFC 9457 defines exactly this case; a client tells
//! the two apart by `Content-Type` ([`ErrorFormat::of_content_type`](omnia_errors::ErrorFormat::of_content_type)).
//! Its `Vary` lists `Accept-Language` alone: only the language chose it.
//!
//! "Without a body" is a body of exactly 0 bytes. The one body that is replaced is
//! tower-http's `RequestBodyLimitLayer`'s, recognized exactly (413, `text/plain;
//! charset=utf-8`, `length limit exceeded`). Any other response with a body of its own, a
//! handler's text or JSON, is never touched; nor is an [`OmniaError`]'s, already localized.
//! The response's other headers (`Allow` of a 405, `Retry-After`, `WWW-Authenticate`) are kept.
//!
//! ## Panics
//!
//! With [`LocalizeErrorsLayer::catch_panics`], a panic is answered with `InternalError`
//! (500), localized; its message is logged and never sent.
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

mod answer;
mod extract;
mod panic;

pub use extract::{Json, Path, Query, Rejection};

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
    pub(crate) fn write(
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
    static REQUEST: Arc<RequestContext>;
}

/// What an error response needs of its request: the layer's settings and the `Accept` and
/// `Accept-Language` lines (negotiated only when an error happens).
#[derive(Clone)]
pub(crate) struct RequestContext {
    settings: Arc<Settings>,
    accept: Vec<HeaderValue>,
    accept_language: Vec<HeaderValue>,
}

impl RequestContext {
    /// The request's language, negotiated from its `Accept-Language`.
    fn language(&self) -> Language {
        negotiate(&self.settings.localizer, &self.accept_language)
    }

    /// The request's format, negotiated from its `Accept`.
    fn format(&self) -> ErrorFormat {
        let accept = one_list(&self.accept).unwrap_or_default();
        ErrorFormat::negotiate(&accept, self.settings.preferred)
    }
}

impl OmniaError {
    /// Writes the body into `response` (a new one, or one without a body of its own) in the
    /// request's language and format, else as OMNIA's body in en-US.
    fn write_for(&self, request: Option<&RequestContext>, response: &mut Response) {
        match request {
            Some(request) => self.write(
                &request.language(),
                request.format(),
                &request.settings.docs_page,
                response,
            ),
            None => self.write(
                &Localizer::embedded().source(),
                ErrorFormat::Omnia,
                &DocsPage::OMNIA,
                response,
            ),
        }
    }
}

impl IntoResponse for OmniaError {
    /// The catalog's status and the body, written once: in the language and format the
    /// request asks for when the response is made inside [`LocalizeErrorsLayer`], else
    /// OMNIA's body in en-US.
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = self.status_code();
        let written = REQUEST.try_with(|request| self.write_for(Some(request), &mut response));
        if written.is_err() {
            self.write_for(None, &mut response);
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
    catch_panics: bool,
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
                catch_panics: false,
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

    /// Answers a panic of the service the layer wraps (a handler, an extractor, inner
    /// middleware) with `InternalError` (500), localized like any other error, instead of
    /// dropping the connection. Nothing of the panic's message reaches the body; it is logged
    /// (`log` target `omnia_errors_axum`, level error) with the request's method and path.
    ///
    /// ```
    /// use axum::{Router, routing::get};
    /// use omnia_errors_axum::LocalizeErrorsLayer;
    /// use omnia_errors_fluent::Localizer;
    ///
    /// async fn report() -> &'static str {
    ///     panic!("the database password is hunter2") // logged, not sent
    /// }
    ///
    /// let app: Router = Router::new()
    ///     .route("/report", get(report))
    ///     .layer(LocalizeErrorsLayer::new(Localizer::embedded()).catch_panics());
    /// ```
    #[must_use]
    pub fn catch_panics(mut self) -> Self {
        Arc::make_mut(&mut self.settings).catch_panics = true;
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
        let context = Arc::new(RequestContext {
            settings: Arc::clone(&self.settings),
            accept: lines(ACCEPT),
            accept_language: lines(ACCEPT_LANGUAGE),
        });
        if !self.settings.catch_panics {
            let response = REQUEST.scope(Arc::clone(&context), self.inner.call(request));
            return ResponseFuture(Box::pin(async move {
                let response = response.await?;
                Ok(answer::finish(response, &context).await)
            }));
        }
        let origin = panic::Origin::of(&request);
        let called = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            REQUEST.scope(Arc::clone(&context), self.inner.call(request))
        }));
        ResponseFuture(Box::pin(async move {
            // In a block of its own, so that no error of the inner service (which need not be
            // `Send`) is held across the await below.
            let response = {
                let outcome = match called {
                    Ok(response) => panic::CatchUnwind::new(response).await,
                    Err(payload) => Err(payload),
                };
                match outcome {
                    Ok(response) => response?,
                    Err(payload) => panic::response(&context, &origin, &*payload),
                }
            };
            Ok(answer::finish(response, &context).await)
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
pub(crate) fn add_vary(headers: &mut HeaderMap, name: &HeaderName) {
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
