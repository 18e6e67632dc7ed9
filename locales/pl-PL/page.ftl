### Polish (Poland): texts of the generated "API Error Codes" page, around the messages of
### errors.ftl. Same ids as locales/en-US/page.ftl.

page-title = Kody błędów API
page-summary = Lista kodów błędów API Platformy OMNIA
page-intro = Operacje API Platformy OMNIA mogą zwracać następujące błędy.
page-column-code = Kod błędu
page-column-status = Kod stanu HTTP
page-column-message = Komunikat o błędzie
page-validation-heading = Niepowodzenie walidacji - Błędy
# Stands for the attribute's maximum length in the TextMaxLengthMismatch message on the page.
page-placeholder-maxLength = (zdefiniowana długość)
page-lifecycle-deprecated = Przestarzały.
page-lifecycle-retired = Wycofany.
