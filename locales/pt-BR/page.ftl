### Portuguese (Brazil): texts of the generated "API Error Codes" page, around the messages
### of errors.ftl. Same ids as locales/en-US/page.ftl.

page-title = Códigos de erro da API
page-summary = Lista de códigos de erro da API da Plataforma OMNIA
page-intro = As operações da API da Plataforma OMNIA podem retornar os seguintes erros.
page-column-code = Código de erro
page-column-status = Código de status HTTP
page-column-message = Mensagem de erro
page-validation-heading = Falha na validação - Erros
# Stands for the attribute's maximum length in the TextMaxLengthMismatch message on the page.
page-placeholder-maxLength = (tamanho definido)
page-lifecycle-deprecated = Obsoleto.
page-lifecycle-retired = Descontinuado.
