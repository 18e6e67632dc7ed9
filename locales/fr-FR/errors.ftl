### OMNIA API error messages: French (France).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: entité, enregistrement, attribut, collection, élément, état, requête; product terms below.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

-behaviour = comportement
-connector = connecteur
-tenant = Tenant
-environment = Environnement
-sensitive-data = données sensibles
-data-source = source de données
-record = enregistrement
-records = enregistrements
-non-root = non racine

## API error codes

error-BehaviourFailed = Échec de l’exécution du { -behaviour }.
error-ConnectorBehaviourFailed = Échec de l’exécution du { -behaviour } dans le { -connector }.
    .context = Échec de l’exécution du { -behaviour } dans le { -connector } : { $message }
error-ConnectorNotFound = Impossible de joindre le { -connector }.
error-ConnectorTimeout = Le { -connector } n’a pas répondu dans le délai prévu.
error-EntityAlreadyExists = Une entité avec le même identifiant existe déjà.
error-EntityHasBeenChanged = L’entité n’est pas dans la version attendue.
error-EntityHasNoSensitiveDataToDestroy = Impossible d’exécuter l’opération de destruction des { -sensitive-data }, car l’entité ne contient aucun attribut sensible.
error-EntityNotFound = Entité introuvable.
error-InternalError = Erreur interne du système.
error-InvalidInput = Données d’entrée de la requête non valides.
error-TenantNotFound = { -tenant }/{ -environment } introuvable.
error-ValidationFailed = Échec de la validation de la requête.
    .note = Cette erreur peut comporter des détails dans la propriété « errors ». Les descriptions des erreurs figurent dans la section « Échec de la validation - Erreurs ».
error-MissingSystemConfiguration = Configuration système manquante. Exemple : le service Redis doit être configuré dans le système pour pouvoir redémarrer.
error-InvalidApplicationVersion = L’application a été mise à jour. Le travail en cours ne pourra pas être sauvegardé et la page doit être actualisée.
error-DataNotFound = Votre requête ne renvoie aucune donnée. Vérifiez vos filtres et réessayez.
error-FileNotFound = Fichier introuvable.

## "Validation Failed" error codes

validation-CannotBeRemoved = Impossible de supprimer l’entité.
validation-Duplicated = Élément en double.
validation-InvalidIdentifier = Identifiant (code ou nom) au format non valide.
    .context = Le format de l’identifiant « { $value } » (code ou nom) n’est pas valide.
validation-LowerLimitNotRespected = Nombre minimal d’éléments de la collection non respecté.
    .context =
        { $limit ->
            [one] La collection doit contenir au moins { $limit } élément.
           *[other] La collection doit contenir au moins { $limit } éléments.
        }
validation-NotFound = Entité/référence introuvable.
validation-RequiredValue = La valeur de l’attribut est obligatoire.
    .context = Une valeur est obligatoire pour l’attribut { $path }.
validation-TypeMismatch = La valeur ne correspond pas au type de l’attribut.
    .context = La valeur « { $value } » ne correspond pas au type { $type } de l’attribut { $path }.
validation-UpperLimitNotRespected = Nombre maximal d’éléments de la collection dépassé.
    .context =
        { $limit ->
            [one] La collection peut contenir au plus { $limit } élément.
           *[other] La collection peut contenir au plus { $limit } éléments.
        }
validation-CreateRootUnsupported = Impossible de créer une instance séparément : l’entité est marquée comme { -non-root } et doit être utilisée dans le contexte d’une autre entité.
validation-CreateSystemDataSourceUnsupported = Impossible d’ajouter des { -records } à la { -data-source } « System ».
validation-ValueCannotBeChanged = La valeur de l’attribut ne peut pas être modifiée.
validation-InvalidModelConfiguration = Définition du modèle non valide.
validation-InvalidTenantConfiguration = Définition du { -tenant } non valide.
validation-TextMaxLengthMismatch =
    { $maxLength ->
        [one] La valeur dépasse la longueur maximale de { $maxLength } caractère.
       *[other] La valeur dépasse la longueur maximale de { $maxLength } caractères.
    }
validation-StateConfigurationNotFound = La configuration de l’état actuel est introuvable.
validation-CommentNotAccepted = La configuration de l’état actuel n’autorise pas les commentaires.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = La configuration de l’état actuel de l’{ -record } n’autorise pas l’ajout d’éléments à la collection.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = La configuration de l’état actuel de l’{ -record } n’autorise pas la modification de la valeur de l’attribut.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = La configuration de l’état actuel de l’{ -record } n’autorise pas la suppression d’éléments de la collection.
validation-ForbidToSaveBasedOnStateMachineConfiguration = La configuration de l’état actuel de l’{ -record } n’autorise pas sa sauvegarde.
validation-SmtpServerInvalidConfiguration = La configuration du serveur SMTP n’est pas valide.
validation-ErrorSendingEmail = Impossible d’envoyer l’e-mail.

## HTTP statuses that no error code fits: the title of an RFC 9457 "about:blank" problem

http-400 = Requête incorrecte
http-401 = Non autorisé
http-402 = Paiement requis
http-403 = Interdit
http-404 = Introuvable
http-405 = Méthode non autorisée
http-406 = Non acceptable
http-407 = Authentification du proxy requise
http-408 = Délai d’attente de la requête dépassé
http-409 = Conflit
http-410 = Ressource supprimée
http-411 = Longueur requise
http-412 = Échec de la précondition
http-413 = Contenu trop volumineux
http-414 = URI trop longue
http-415 = Type de média non pris en charge
http-416 = Plage non satisfaisable
http-417 = Échec de l’attente
http-421 = Requête mal dirigée
http-422 = Contenu impossible à traiter
http-426 = Mise à niveau requise
http-428 = Précondition requise
http-429 = Trop de requêtes
http-431 = Champs d’en-tête de la requête trop volumineux
http-451 = Indisponible pour des raisons juridiques
http-500 = Erreur interne du serveur
http-501 = Non implémenté
http-502 = Passerelle incorrecte
http-503 = Service indisponible
http-504 = Délai d’attente de la passerelle dépassé
http-505 = Version HTTP non prise en charge
http-511 = Authentification réseau requise
http-4xx = Erreur du client
http-5xx = Erreur du serveur
