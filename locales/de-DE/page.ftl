### German (Germany): texts of the generated "API Error Codes" page, around the messages of
### errors.ftl. Same ids as locales/en-US/page.ftl.

page-title = API-Fehlercodes
page-summary = Liste der API-Fehlercodes der OMNIA-Plattform
page-intro = Die Operationen der API der OMNIA-Plattform können die folgenden Fehler zurückgeben.
page-column-code = Fehlercode
page-column-status = HTTP-Statuscode
page-column-message = Fehlermeldung
page-validation-heading = Validierung fehlgeschlagen - Fehler
# Stands for the attribute's maximum length in the TextMaxLengthMismatch message on the page.
page-placeholder-maxLength = (definierte Länge)
page-lifecycle-deprecated = Veraltet.
page-lifecycle-retired = Eingestellt.
