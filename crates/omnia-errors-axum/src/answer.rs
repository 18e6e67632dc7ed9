//! Error responses without a body of their own, answered by the layer: which status becomes
//! what, and why, is the crate docs' table.

use axum::body::{Body, HttpBody};
use axum::http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use omnia_errors::{ApiError, PROBLEM_JSON, ProblemDetails};

use crate::{OmniaError, RequestContext, add_vary};

/// The body tower-http's `RequestBodyLimitLayer` answers with (tower-http 0.6).
const TOWER_HTTP_LIMIT_BODY: &[u8] = b"length limit exceeded";

/// The catalog error that a status without a body means, where one means it whatever the
/// situation (see the crate docs).
pub(crate) fn catalog_error(status: StatusCode) -> Option<ApiError> {
    match status {
        StatusCode::BAD_REQUEST => Some(ApiError::InvalidInput),
        StatusCode::INTERNAL_SERVER_ERROR => Some(ApiError::InternalError),
        _ => None,
    }
}

/// The response as the layer sends it: an [`OmniaError`]'s with its `Vary`, a bodiless error
/// answered, anything else as it is.
pub(crate) async fn finish(mut response: Response, request: &RequestContext) -> Response {
    if response.extensions().get::<OmniaError>().is_some() {
        // Both headers decided the response: its language and its format.
        add_vary(response.headers_mut(), &ACCEPT_LANGUAGE);
        add_vary(response.headers_mut(), &ACCEPT);
        return response;
    }
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let size = response.body().size_hint().exact();
    if size == Some(0) {
        return answer(response, request);
    }
    if status == StatusCode::PAYLOAD_TOO_LARGE
        && size == Some(TOWER_HTTP_LIMIT_BODY.len() as u64)
        && response.headers().get(CONTENT_TYPE)
            == Some(&HeaderValue::from_static("text/plain; charset=utf-8"))
    {
        let (parts, body) = response.into_parts();
        // At most the announced 21 bytes, already in memory: the read is immediate.
        return match axum::body::to_bytes(body, TOWER_HTTP_LIMIT_BODY.len()).await {
            Ok(bytes) if bytes == TOWER_HTTP_LIMIT_BODY => {
                answer(Response::from_parts(parts, Body::empty()), request)
            }
            Ok(bytes) => Response::from_parts(parts, Body::from(bytes)),
            Err(_) => Response::from_parts(parts, Body::empty()),
        };
    }
    response
}

/// Answers an error response that has no body: its status and other headers kept.
fn answer(mut response: Response, request: &RequestContext) -> Response {
    let headers = response.headers_mut();
    headers.remove(CONTENT_LENGTH);
    headers.remove(CONTENT_TYPE);
    headers.remove(CONTENT_LANGUAGE);
    let status = response.status();
    if let Some(error) = catalog_error(status) {
        let error = OmniaError::new(error);
        error.write_for(Some(request), &mut response);
        add_vary(response.headers_mut(), &ACCEPT_LANGUAGE);
        add_vary(response.headers_mut(), &ACCEPT);
        response.extensions_mut().insert(error);
        return response;
    }
    let language = request.language();
    let mut problem = ProblemDetails::about_blank(status.as_u16());
    let mut content_language = None;
    if let Some(title) = language.status_title(status.as_u16()) {
        content_language = HeaderValue::try_from(title.locale.to_string()).ok();
        problem = problem.with_title(title.text);
    }
    // A problem is strings and numbers: serializing cannot fail; were it to, `{}` is JSON.
    let json = serde_json::to_vec(&problem).unwrap_or_else(|_| b"{}".to_vec());
    *response.body_mut() = Body::from(json);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    if let Some(value) = content_language {
        headers.insert(CONTENT_LANGUAGE, value);
    }
    add_vary(headers, &ACCEPT_LANGUAGE);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_statuses_a_code_means_in_every_situation_get_one() {
        let coded: Vec<u16> = (400..600)
            .filter_map(|s| StatusCode::from_u16(s).ok())
            .filter(|&s| catalog_error(s).is_some())
            .map(|s| s.as_u16())
            .collect();
        assert_eq!(coded, [400, 500]);
        for status in [400, 500] {
            let status = StatusCode::from_u16(status).unwrap();
            let error = catalog_error(status).unwrap();
            assert_eq!(error.code().status_code(), status, "{error:?}");
        }
    }
}
