### Spanish (Spain): texts of the generated "API Error Codes" page, around the messages of
### errors.ftl. Same ids as locales/en-US/page.ftl.

page-title = Códigos de error de la API
page-summary = Lista de códigos de error de la API de la Plataforma OMNIA
page-intro = Las operaciones de la API de la Plataforma OMNIA pueden devolver los siguientes errores.
page-column-code = Código de error
page-column-status = Código de estado HTTP
page-column-message = Mensaje de error
page-validation-heading = Error de validación - Errores
# Stands for the attribute's maximum length in the TextMaxLengthMismatch message on the page.
page-placeholder-maxLength = (longitud definida)
page-lifecycle-deprecated = Obsoleto.
page-lifecycle-retired = Retirado.
