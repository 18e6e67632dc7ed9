//! The catalog table: every OMNIA error code, declared exactly once.
//!
//! Each row names a code (its wire name is the identifier), the HTTP status of an API error, the
//! typed parameters its message takes, and whether the documentation page adds a note to it.
//! Everything else in this crate — the fieldless code enums, the typed error enums, `ALL`,
//! `as_str`, `FromStr`, the Fluent message ids and the parameter lists — is expanded from these
//! rows by [`define_catalog!`](crate::define). The English text is *not* here: it lives in
//! `locales/en-US/errors.ftl`, next to every translation, and tests check both against this table.
//!
//! Rules for editing (the same as rustc's error-code registry):
//! - rows stay in the order of the published page;
//! - a published row is never removed, renamed, or given another status or other parameters
//!   (`crates/omnia-errors/codes.lock` records them; a test compares): flag it `[deprecated]`
//!   or `[retired]` instead, and add new codes at the end of their table; `cargo xtask docs`
//!   records them (and refuses any other change); the one change allowed is a new *optional*
//!   parameter (clients that do not send it get the generic message, as before);
//! - flags go in brackets after a row: `[note]` (the page appends the message's `.note`),
//!   `[deprecated]`, `[retired]`;
//! - a parameter is `required` when the message cannot be written without it (the generic
//!   message uses it) and `optional` when it only enables the contextual variant of the message.

use crate::define::{define_catalog, flag, is_required, param_arg, param_get, param_ty, status};
use crate::info::{Catalog, CodeInfo, Lifecycle, ParamKind, ParamSpec};
use crate::params::{ParamError, Parameters};

define_catalog! {
    catalog: Api,
    fluent_prefix: "error-",
    /// An API error code: the `code` of an OMNIA error response.
    ///
    /// Fieldless and `Copy`; [`ApiError`] is the same code together with its parameters.
    ///
    /// ```
    /// use omnia_errors::ErrorCode;
    ///
    /// let code: ErrorCode = "EntityNotFound".parse()?;
    /// assert_eq!(code, ErrorCode::EntityNotFound);
    /// assert_eq!(code.http_status(), 404);
    /// assert_eq!(ErrorCode::ALL[0], ErrorCode::BehaviourFailed);
    /// # Ok::<(), omnia_errors::UnknownCode>(())
    /// ```
    code: ErrorCode,
    /// An API error together with the parameters its message takes.
    ///
    /// ```
    /// use omnia_errors::{ApiError, ErrorCode};
    ///
    /// let error = ApiError::ConnectorBehaviourFailed { message: Some("Timeout".into()) };
    /// assert_eq!(error.code(), ErrorCode::ConnectorBehaviourFailed);
    /// assert_eq!(error.parameters().len(), 1);
    /// ```
    typed: ApiError,
    rows: [
        /// A behaviour (server-side script) failed.
        BehaviourFailed = 400,
        /// A behaviour failed while running in a connector; the connector's own message, when
        /// known, gives the message its context.
        ConnectorBehaviourFailed = 400 { message: optional Text "message" },
        /// The connector could not be reached.
        ConnectorNotFound = 503,
        /// The connector did not answer in time.
        ConnectorTimeout = 503,
        /// An entity with the same identifier already exists.
        EntityAlreadyExists = 409,
        /// Optimistic concurrency: the entity is not in the version the request expected.
        EntityHasBeenChanged = 412,
        /// Destroy Sensitive Data was requested on an entity without sensitive attributes.
        EntityHasNoSensitiveDataToDestroy = 400,
        /// The entity does not exist.
        EntityNotFound = 404,
        /// An unexpected server-side failure.
        InternalError = 500,
        /// The request's input data is invalid.
        InvalidInput = 400,
        /// The tenant or environment does not exist.
        TenantNotFound = 404,
        /// Validation failed; the body's `errors` hold one [`ValidationErrorCode`] per problem.
        ValidationFailed = 400 [note],
        /// A system dependency (for example Redis) is not configured.
        MissingSystemConfiguration = 424,
        /// The application was updated while the page was open.
        InvalidApplicationVersion = 400,
        /// The request matched no data.
        DataNotFound = 404,
        /// The file does not exist.
        FileNotFound = 404,
    ]
}

define_catalog! {
    catalog: Validation,
    fluent_prefix: "validation-",
    /// A validation error code: the `code` of one item of a `ValidationFailed` body's `errors`.
    ///
    /// ```
    /// use omnia_errors::ValidationErrorCode;
    ///
    /// let code: ValidationErrorCode = "TextMaxLengthMismatch".parse()?;
    /// assert_eq!(code.params()[0].name, "maxLength");
    /// assert!(ValidationErrorCode::ALL.contains(&code));
    /// # Ok::<(), omnia_errors::UnknownCode>(())
    /// ```
    code: ValidationErrorCode,
    /// A validation error together with the parameters its message takes.
    ///
    /// A code whose message needs a value cannot be built without it:
    ///
    /// ```
    /// use omnia_errors::{ValidationError, ValidationErrorCode};
    ///
    /// let error = ValidationError::TextMaxLengthMismatch { max_length: 50 };
    /// assert_eq!(error.code(), ValidationErrorCode::TextMaxLengthMismatch);
    /// ```
    ///
    /// ```compile_fail
    /// let error = omnia_errors::ValidationError::TextMaxLengthMismatch;
    /// ```
    typed: ValidationError,
    rows: [
        /// The entity cannot be removed.
        CannotBeRemoved,
        /// The element is duplicated.
        Duplicated,
        /// An identifier (code or name) has an invalid format.
        InvalidIdentifier { value: optional Text "value" },
        /// A collection has fewer elements than its minimum.
        LowerLimitNotRespected { limit: optional Number "limit" },
        /// An entity or reference does not exist.
        NotFound,
        /// A required attribute has no value.
        RequiredValue { path: optional Text "path" },
        /// A value does not match its attribute's type. `path` (added after publication, so
        /// optional like the others) names the attribute, as OMNIA's UI shows it.
        TypeMismatch {
            value: optional Text "value",
            expected_type: optional Text "type",
            path: optional Text "path",
        },
        /// A collection has more elements than its maximum.
        UpperLimitNotRespected { limit: optional Number "limit" },
        /// A non-root entity was created on its own.
        CreateRootUnsupported,
        /// Records cannot be added to the 'System' data source.
        CreateSystemDataSourceUnsupported,
        /// The attribute's value is read-only.
        ValueCannotBeChanged,
        /// The model definition is invalid.
        InvalidModelConfiguration,
        /// The tenant definition is invalid.
        InvalidTenantConfiguration,
        /// A text is longer than its attribute's defined maximum length.
        TextMaxLengthMismatch { max_length: required Number "maxLength" },
        /// The record's current state has no configuration.
        StateConfigurationNotFound,
        /// The current state does not accept comments.
        CommentNotAccepted,
        /// The state machine forbids adding to the collection in the record's current state.
        ForbidToAddToCollectionBasedOnStateMachineConfiguration,
        /// The state machine forbids changing the attribute in the record's current state.
        ForbidToChangeAttributeValueBasedOnStateMachineConfiguration,
        /// The state machine forbids removing from the collection in the record's current state.
        ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration,
        /// The state machine forbids saving the record in its current state.
        ForbidToSaveBasedOnStateMachineConfiguration,
        /// The SMTP server configuration is invalid.
        SmtpServerInvalidConfiguration,
        /// Sending an email failed.
        ErrorSendingEmail,
    ]
}

// Every API row declares its HTTP status (`EntityNotFound = 404`): a row without one does not
// compile, so `http_status` needs no fallback.
const _: () = assert!(
    ErrorCode::STATUSES.len() == ErrorCode::ALL.len(),
    "every API error code declares its HTTP status"
);

impl ErrorCode {
    /// The HTTP status code of a response carrying this error.
    ///
    /// ```
    /// assert_eq!(omnia_errors::ErrorCode::EntityHasBeenChanged.http_status(), 412);
    /// ```
    pub const fn http_status(self) -> u16 {
        Self::STATUSES[self.index()]
    }

    /// The HTTP status as an [`http::StatusCode`].
    ///
    /// ```
    /// use omnia_errors::ErrorCode;
    /// assert_eq!(ErrorCode::EntityNotFound.status_code(), http::StatusCode::NOT_FOUND);
    /// ```
    #[cfg(feature = "http")]
    pub fn status_code(self) -> http::StatusCode {
        http::StatusCode::from_u16(self.http_status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl ApiError {
    /// The HTTP status code of a response carrying this error.
    pub const fn http_status(&self) -> u16 {
        self.code().http_status()
    }
}
