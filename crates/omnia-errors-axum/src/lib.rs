//! OMNIA API errors as [axum](https://docs.rs/axum) responses: the catalog's HTTP status, the
//! JSON [`ErrorBody`], and messages in the language the request asks for.
//!
//! # Design
//!
//! [`IntoResponse`] cannot see the request, so the work is split in two:
//!
//! - **[`LocalizeErrorsLayer`]** (a tower layer, added with
//!   [`Router::layer`](axum::Router::layer)) holds the application's [`Localizer`]. While it
//!   runs a request, it makes that localizer and the request's `Accept-Language` known to the
//!   task answering it (a Tokio task-local), and on the way out adds `Vary: Accept-Language` to
//!   error responses.
//! - **[`OmniaError`]** is what handlers return (`Result<T, OmniaError>`). It holds the typed
//!   error ([`ApiError`]) and, for `ValidationFailed`, its [`FieldError`]s. Its `IntoResponse`
//!   negotiates the request's language and writes the body once, in that language: the
//!   catalog's status, `Content-Type: application/json`, `Content-Language` (the locale(s) the
//!   messages are actually in). It keeps the error itself in the response's extensions.
//!
//! So handlers need no extra parameter, `?` converts an [`ApiError`] or a [`ValidationError`],
//! negotiation happens in one place and only for errors, and a body is never rewritten (so no
//! header of the handler's describes other bytes). Forgetting the layer degrades to correct
//! English responses (formatted with a localizer of the embedded messages made for the
//! occasion), never to broken ones. The layer localizes every error produced *inside* it
//! (handlers, extractors whose rejection is an [`OmniaError`], inner middleware).
//!
//! Header handling never fails: `Accept-Language` lines that are not UTF-8 are ignored as if
//! absent, several lines are read as one list, and garbage entries are skipped by
//! [`Localizer::for_accept_language`]; with nothing usable, the answer is en-US.
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
//! assert_eq!(response.headers()["vary"], "accept-language");
//! let body = axum::body::to_bytes(response.into_body(), 64 * 1024).await?;
//! assert_eq!(body, r#"{"code":"EntityNotFound","message":"Entity can't be found."}"#);
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use omnia_errors::{ApiError, ErrorBody, ValidationError};
use omnia_errors_fluent::{Language, LocalizedBody, Localizer};
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
    ///     /// ```
    pub fn body(&self, language: &Language) -> ErrorBody {
        self.render(language).body
    }

    /// The body in a language, and the locales its messages are in.
    fn render(&self, language: &Language) -> LocalizedBody {
        language.error_body(
            &self.error,
            self.field_errors
                .iter()
                .map(|f| (&f.error, f.name.as_deref())),
        )
    }

    /// Writes the body and its content headers into a new `response`.
    fn write(&self, language: &Language, response: &mut Response) {
        let LocalizedBody { body, locales } = self.render(language);
        let locales: Vec<String> = locales.iter().map(ToString::to_string).collect();
        let json = serde_json::to_vec(&body).unwrap_or_else(|_| {
            // Unreachable (an `ErrorBody` is strings and numbers), but never a panic.
            serde_json::json!({ "code": body.code.as_str(), "message": body.message })
                .to_string()
                .into_bytes()
        });
        *response.body_mut() = Body::from(json);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        // Locale tags are ASCII letters, digits and '-', always a valid header value.
        match HeaderValue::try_from(locales.join(", ")) {
            Ok(value) if !locales.is_empty() => headers.insert(CONTENT_LANGUAGE, value),
            _ => headers.remove(CONTENT_LANGUAGE),
        };
    }
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

/// What an error response needs of its request: the application's localizer and the
/// `Accept-Language` lines (negotiated only when an error happens).
#[derive(Clone)]
struct RequestContext {
    localizer: Localizer,
    accept_language: Vec<HeaderValue>,
}

impl IntoResponse for OmniaError {
    /// The catalog's status and the body, written once: in the language of the request when
    /// the response is made inside [`LocalizeErrorsLayer`], else in en-US.
    fn into_response(self) -> Response {
        let language = REQUEST
            .try_with(|request| negotiate(&request.localizer, &request.accept_language))
            .unwrap_or_else(|_| Localizer::embedded().source());
        let mut response = Response::new(Body::empty());
        *response.status_mut() = self.status_code();
        self.write(&language, &mut response);
        response.extensions_mut().insert(self);
        response
    }
}

/// A tower layer under which [`OmniaError`] responses are written in the language of the
/// request's `Accept-Language`, with `Vary: Accept-Language`. See the [crate docs](crate).
///
/// ```
/// use axum::{Router, routing::get};
/// use omnia_errors_axum::LocalizeErrorsLayer;
/// use omnia_errors_fluent::Localizer;
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(LocalizeErrorsLayer::new(Localizer::embedded()));
/// /// ```
#[derive(Clone, Debug)]
pub struct LocalizeErrorsLayer {
    localizer: Localizer,
}

impl LocalizeErrorsLayer {
    /// A layer formatting with `localizer` (cheap to clone: share the application's).
    pub fn new(localizer: Localizer) -> Self {
        Self { localizer }
    }
}

impl<S> Layer<S> for LocalizeErrorsLayer {
    type Service = LocalizeErrors<S>;

    fn layer(&self, inner: S) -> Self::Service {
        LocalizeErrors {
            inner,
            localizer: self.localizer.clone(),
        }
    }
}

/// The service of [`LocalizeErrorsLayer`], wrapping `S`.
#[derive(Clone, Debug)]
pub struct LocalizeErrors<S> {
    inner: S,
    localizer: Localizer,
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
        let context = RequestContext {
            localizer: self.localizer.clone(),
            accept_language: request
                .headers()
                .get_all(ACCEPT_LANGUAGE)
                .iter()
                .cloned()
                .collect(),
        };
        let response = REQUEST.scope(context, self.inner.call(request));
        ResponseFuture(Box::pin(async move {
            let mut response = response.await?;
            if response.extensions().get::<OmniaError>().is_some() {
                add_vary_accept_language(response.headers_mut());
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
    let mut texts = lines
        .iter()
        .filter_map(|line| std::str::from_utf8(line.as_bytes()).ok());
    match (texts.next(), texts.next()) {
        (None, _) => localizer.source(),
        (Some(only), None) => localizer.for_accept_language(only),
        (Some(first), Some(second)) => {
            let mut joined = format!("{first}, {second}");
            for text in texts {
                joined.push_str(", ");
                joined.push_str(text);
            }
            localizer.for_accept_language(&joined)
        }
    }
}

/// Adds `accept-language` to `Vary`, unless it (or `*`) is already there.
fn add_vary_accept_language(headers: &mut HeaderMap) {
    let covered = headers
        .get_all(VARY)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|name| name == "*" || name.eq_ignore_ascii_case(ACCEPT_LANGUAGE.as_str()));
    if !covered {
        headers.append(VARY, HeaderValue::from_static("accept-language"));
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
        add_vary_accept_language(&mut headers);
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
