//! The extractors' rejection as a value: what it says, and which rejection a body that cannot
//! be read at all gets.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::FromRequest;
use axum::http::{Request, header::CONTENT_TYPE};
use omnia_errors::ApiError;
use omnia_errors_axum::{Json, OmniaError, Rejection};
use serde_json::Value;

/// A request body whose connection breaks off before it ends.
struct BrokenOff;

impl http_body::Body for BrokenOff {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::other("the connection broke off"))))
    }
}

fn json_request(body: Body) -> Request<Body> {
    Request::builder()
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .expect("a request")
}

#[tokio::test]
async fn a_body_that_breaks_off_is_invalid_input_not_too_large() {
    let rejection = Json::<Value>::from_request(json_request(Body::new(BrokenOff)), &())
        .await
        .expect_err("no body to read");
    assert_eq!(
        rejection.error().map(OmniaError::error),
        Some(&ApiError::InvalidInput)
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_too_large_with_no_catalog_error() {
    let request = json_request(Body::from(vec![b' '; 3 * 1024 * 1024]));
    let rejection = Json::<Value>::from_request(request, &())
        .await
        .expect_err("over axum's default limit of 2 MB");
    assert_eq!(rejection, Rejection::TooLarge);
    assert_eq!(rejection.error(), None);
}

#[test]
fn a_rejection_says_what_it_is() {
    let invalid = Rejection::from(OmniaError::new(ApiError::InvalidInput));
    assert_eq!(
        invalid.error().map(OmniaError::error),
        Some(&ApiError::InvalidInput)
    );
    assert_eq!(
        invalid.to_string(),
        OmniaError::new(ApiError::InvalidInput).to_string()
    );
    assert!(!invalid.to_string().is_empty());
    assert_eq!(
        Rejection::TooLarge.to_string(),
        "the body is larger than the limit"
    );
}
