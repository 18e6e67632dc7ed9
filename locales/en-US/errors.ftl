### OMNIA API error messages: the source language.
###
### Message ids are derived from the catalog (crates/omnia-errors/src/catalog.rs):
### "error-" or "validation-" followed by the code's wire name. Each message's value is the
### generic text shown in every case; a `.context` attribute is the variant used when all of the
### code's optional parameters are known; a `.note` attribute is documentation only (the error
### page shows it after the message, API responses never do).
###
### Variables are the code's parameters: $maxLength and $limit are numbers, $path, $value,
### $type and $message are texts. Tests check every locale against this list.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

-behaviour = Behaviour
-connector = Connector
-tenant = Tenant
-environment = Environment
-sensitive-data = Sensitive Data
-sensitive-attributes = Sensitive attributes
-data-source = Data Source
-record = record
-records = records
-non-root = non-root

## API error codes

error-BehaviourFailed = { -behaviour } execution failed.
error-ConnectorBehaviourFailed = { -behaviour } execution failed while running in { -connector }.
    .context = { -behaviour } execution failed while running in { -connector }: { $message }
error-ConnectorNotFound = { -connector } can't be reached.
error-ConnectorTimeout = { -connector } didn't respond in the expected time.
error-EntityAlreadyExists = An entity with the same identifier already exists.
error-EntityHasBeenChanged = The entity isn't in the expected version.
error-EntityHasNoSensitiveDataToDestroy = Can't execute the Destroy { -sensitive-data } operation because there's no { -sensitive-attributes }.
error-EntityNotFound = Entity can't be found.
error-InternalError = Internal system error.
error-InvalidInput = Invalid request input data.
error-TenantNotFound = { -tenant }/{ -environment } can't be found.
error-ValidationFailed = Request validation failed.
    .note = This error can have details in the "errors" properties. Error descriptions in the section "Validation Failed - Errors"
error-MissingSystemConfiguration = Missing system configuration. Example: Redis service must be configured in your system to be able to restart.
error-InvalidApplicationVersion = Application has been updated. It won't be possible to save current work and the page must be refreshed.
error-DataNotFound = Your request has no data to return. Please verify your filters and try again.
error-FileNotFound = File not found.

## "Validation Failed" error codes

validation-CannotBeRemoved = Entity can't be removed.
validation-Duplicated = Duplicated element.
validation-InvalidIdentifier = Identifier (code or name) with invalid format.
    .context = The identifier "{ $value }" (code or name) has an invalid format.
validation-LowerLimitNotRespected = Minimal number of elements in collection not respected.
    .context =
        { $limit ->
            [one] The collection must have at least { $limit } element.
           *[other] The collection must have at least { $limit } elements.
        }
validation-NotFound = Entity/Reference cannot be found.
validation-RequiredValue = Attribute value is required.
    .context = A value is required for the attribute { $path }.
validation-TypeMismatch = Attribute value doesn't match the attribute type.
    .context = The value "{ $value }" doesn't match the type { $type } of the attribute { $path }.
validation-UpperLimitNotRespected = Maximum number of elements in collection not respected.
    .context =
        { $limit ->
            [one] The collection can have at most { $limit } element.
           *[other] The collection can have at most { $limit } elements.
        }
validation-CreateRootUnsupported = Cannot create an instance separately, as it is marked as { -non-root } and must be used in the context of another entity.
validation-CreateSystemDataSourceUnsupported = It's not possible to add { -records } to 'System' { -data-source }.
validation-ValueCannotBeChanged = Attribute value cannot be changed.
validation-InvalidModelConfiguration = Invalid model definition.
validation-InvalidTenantConfiguration = Invalid tenant definition.
validation-TextMaxLengthMismatch = Value is too long to the defined length of { $maxLength }.
validation-StateConfigurationNotFound = The configuration of the current state was not found.
validation-CommentNotAccepted = Comments are not allowed based on the current state configuration.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = It is not possible to add to collection based on { -record }'s current state configuration.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = It is not possible to change the value of the attribute based on { -record }'s current state configuration.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = It is not possible to remove from collection based on { -record }'s current state configuration.
validation-ForbidToSaveBasedOnStateMachineConfiguration = It is not possible to save the { -record } based on its current state configuration.
validation-SmtpServerInvalidConfiguration = The SMTP server configuration is invalid.
validation-ErrorSendingEmail = It was not possible to send the email.

## HTTP statuses that no error code fits (an unknown route, a wrong method, a proxy's error):
## the title of an RFC 9457 "about:blank" problem, the status's reason phrase (RFC 9110).
## http-4xx and http-5xx title the statuses of each class without a phrase of their own.

http-400 = Bad Request
http-401 = Unauthorized
http-402 = Payment Required
http-403 = Forbidden
http-404 = Not Found
http-405 = Method Not Allowed
http-406 = Not Acceptable
http-407 = Proxy Authentication Required
http-408 = Request Timeout
http-409 = Conflict
http-410 = Gone
http-411 = Length Required
http-412 = Precondition Failed
http-413 = Content Too Large
http-414 = URI Too Long
http-415 = Unsupported Media Type
http-416 = Range Not Satisfiable
http-417 = Expectation Failed
http-421 = Misdirected Request
http-422 = Unprocessable Content
http-426 = Upgrade Required
http-428 = Precondition Required
http-429 = Too Many Requests
http-431 = Request Header Fields Too Large
http-451 = Unavailable For Legal Reasons
http-500 = Internal Server Error
http-501 = Not Implemented
http-502 = Bad Gateway
http-503 = Service Unavailable
http-504 = Gateway Timeout
http-505 = HTTP Version Not Supported
http-511 = Network Authentication Required
http-4xx = Client Error
http-5xx = Server Error
