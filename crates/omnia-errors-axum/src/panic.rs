//! A panic of the wrapped service, answered as `InternalError`
//! ([`LocalizeErrorsLayer::catch_panics`](crate::LocalizeErrorsLayer::catch_panics)).

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::http::{Method, Request, Uri};
use axum::response::Response;
use omnia_errors::ApiError;

use crate::{OmniaError, RequestContext};

/// What a panic's log line names of its request.
pub(crate) struct Origin {
    method: Method,
    uri: Uri,
}

impl Origin {
    pub(crate) fn of<B>(request: &Request<B>) -> Self {
        Self {
            method: request.method().clone(),
            uri: request.uri().clone(),
        }
    }
}

/// A future that gives the panic of the future it polls as an `Err` with its payload, and
/// never polls that future again.
pub(crate) struct CatchUnwind<F>(Option<Pin<Box<F>>>);

impl<F> CatchUnwind<F> {
    pub(crate) fn new(future: F) -> Self {
        Self(Some(Box::pin(future)))
    }
}

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(future) = self.0.as_mut() else {
            // Polled again after it panicked: nothing left to give.
            return Poll::Pending;
        };
        match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(poll) => poll.map(Ok),
            Err(payload) => {
                // Dropping a future that panicked may panic again: keep that one too.
                let dropped = self.0.take();
                let _ = catch_unwind(AssertUnwindSafe(move || drop(dropped)));
                Poll::Ready(Err(payload))
            }
        }
    }
}

/// The `InternalError` response to a panic, its message logged and kept out of the body.
pub(crate) fn response(
    request: &RequestContext,
    origin: &Origin,
    payload: &(dyn Any + Send),
) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message");
    log::error!(
        target: "omnia_errors_axum",
        "{} {} panicked, answered InternalError: {message}",
        origin.method,
        origin.uri.path()
    );
    let error = OmniaError::new(ApiError::InternalError);
    let mut response = Response::new(axum::body::Body::empty());
    *response.status_mut() = error.status_code();
    error.write_for(Some(request), &mut response);
    response.extensions_mut().insert(error);
    response
}
