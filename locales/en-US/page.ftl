### Texts of the generated "API Error Codes" page (`cargo xtask docs`), around the messages of
### errors.ftl. Every locale has exactly these ids; the page templates hold no text of their own.

page-title = API Error Codes
page-summary = OMNIA Platform's API error codes list
page-intro = The following errors may be returned by the operations of the OMNIA Platform's API.
page-column-code = Error code
page-column-status = HTTP status code
page-column-message = Error message
page-validation-heading = Validation Failed - Errors
# Stands for the attribute's maximum length in the TextMaxLengthMismatch message on the page.
page-placeholder-maxLength = (defined length)
# Put before the message of a deprecated or retired code (codes are never removed).
page-lifecycle-deprecated = Deprecated.
page-lifecycle-retired = Retired.
