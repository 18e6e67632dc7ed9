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
