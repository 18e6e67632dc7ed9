### French (France): texts of the generated "API Error Codes" page, around the messages of
### errors.ftl. Same ids as locales/en-US/page.ftl.

page-title = Codes d’erreur de l’API
page-summary = Liste des codes d’erreur de l’API de la Plateforme OMNIA
page-intro = Les opérations de l’API de la Plateforme OMNIA peuvent renvoyer les erreurs suivantes.
page-column-code = Code d’erreur
page-column-status = Code d’état HTTP
page-column-message = Message d’erreur
page-validation-heading = Échec de la validation - Erreurs
# Stands for the attribute's maximum length in the TextMaxLengthMismatch message on the page.
page-placeholder-maxLength = (longueur définie)
page-lifecycle-deprecated = Obsolète.
page-lifecycle-retired = Retiré.
