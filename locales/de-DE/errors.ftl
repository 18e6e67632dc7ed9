### OMNIA API error messages: German (Germany).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: Entität, Datensatz, Attribut, Sammlung, Element, Zustand, Anfrage; product terms below.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

-behaviour = Verhalten
-connector = Connector
-tenant = Tenant
-environment = Umgebung
-sensitive-data = sensiblen Daten
-data-source = Datenquelle
-records = Datensätze
-non-root = non-root

## API error codes

error-BehaviourFailed = Das { -behaviour } konnte nicht ausgeführt werden.
error-ConnectorBehaviourFailed = Das { -behaviour } konnte im { -connector } nicht ausgeführt werden.
    .context = Das { -behaviour } konnte im { -connector } nicht ausgeführt werden: { $message }
error-ConnectorNotFound = Der { -connector } ist nicht erreichbar.
error-ConnectorTimeout = Der { -connector } hat nicht innerhalb der erwarteten Zeit geantwortet.
error-EntityAlreadyExists = Eine Entität mit derselben Kennung ist bereits vorhanden.
error-EntityHasBeenChanged = Die Entität liegt nicht in der erwarteten Version vor.
error-EntityHasNoSensitiveDataToDestroy = Der Vorgang zum Vernichten von { -sensitive-data } kann nicht ausgeführt werden, da die Entität keine sensiblen Attribute enthält.
error-EntityNotFound = Die Entität wurde nicht gefunden.
error-InternalError = Interner Systemfehler.
error-InvalidInput = Ungültige Eingabedaten in der Anfrage.
error-TenantNotFound = { -tenant }/{ -environment } nicht gefunden.
error-ValidationFailed = Die Validierung der Anfrage ist fehlgeschlagen.
    .note = Dieser Fehler kann Details in der Eigenschaft „errors“ enthalten. Die Fehlerbeschreibungen finden Sie im Abschnitt „Validierung fehlgeschlagen - Fehler“.
error-MissingSystemConfiguration = Fehlende Systemkonfiguration. Beispiel: Für einen Neustart muss der Redis-Dienst im System konfiguriert sein.
error-InvalidApplicationVersion = Die Anwendung wurde aktualisiert. Die aktuelle Arbeit kann nicht gespeichert werden, und die Seite muss neu geladen werden.
error-DataNotFound = Ihre Anfrage liefert keine Daten. Überprüfen Sie Ihre Filter und versuchen Sie es erneut.
error-FileNotFound = Datei nicht gefunden.

## "Validation Failed" error codes

validation-CannotBeRemoved = Die Entität kann nicht entfernt werden.
validation-Duplicated = Doppeltes Element.
validation-InvalidIdentifier = Kennung (Code oder Name) mit ungültigem Format.
    .context = Die Kennung „{ $value }“ (Code oder Name) hat ein ungültiges Format.
validation-LowerLimitNotRespected = Mindestanzahl an Elementen in der Sammlung nicht eingehalten.
    .context =
        { $limit ->
            [one] Die Sammlung muss mindestens { $limit } Element enthalten.
           *[other] Die Sammlung muss mindestens { $limit } Elemente enthalten.
        }
validation-NotFound = Entität/Referenz nicht gefunden.
validation-RequiredValue = Ein Attributwert ist erforderlich.
    .context = Für das Attribut { $path } ist ein Wert erforderlich.
validation-TypeMismatch = Der Attributwert entspricht nicht dem Attributtyp.
    .context = Der Wert „{ $value }“ entspricht nicht dem Typ { $type } des Attributs { $path }.
validation-UpperLimitNotRespected = Höchstanzahl an Elementen in der Sammlung überschritten.
    .context =
        { $limit ->
            [one] Die Sammlung darf höchstens { $limit } Element enthalten.
           *[other] Die Sammlung darf höchstens { $limit } Elemente enthalten.
        }
validation-CreateRootUnsupported = Eine Instanz kann nicht separat erstellt werden, da die Entität als { -non-root } gekennzeichnet ist und im Kontext einer anderen Entität verwendet werden muss.
validation-CreateSystemDataSourceUnsupported = Der { -data-source } „System“ können keine { -records } hinzugefügt werden.
validation-ValueCannotBeChanged = Der Attributwert kann nicht geändert werden.
validation-InvalidModelConfiguration = Ungültige Modelldefinition.
validation-InvalidTenantConfiguration = Ungültige { -tenant }-Definition.
validation-TextMaxLengthMismatch = Der Wert überschreitet die maximale Länge von { $maxLength } Zeichen.
validation-StateConfigurationNotFound = Die Konfiguration des aktuellen Zustands wurde nicht gefunden.
validation-CommentNotAccepted = Die Konfiguration des aktuellen Zustands erlaubt keine Kommentare.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = Die Konfiguration des aktuellen Datensatzzustands erlaubt kein Hinzufügen von Elementen zur Sammlung.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = Die Konfiguration des aktuellen Datensatzzustands erlaubt keine Änderung des Attributwerts.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = Die Konfiguration des aktuellen Datensatzzustands erlaubt kein Entfernen von Elementen aus der Sammlung.
validation-ForbidToSaveBasedOnStateMachineConfiguration = Die Konfiguration des aktuellen Datensatzzustands erlaubt kein Speichern des Datensatzes.
validation-SmtpServerInvalidConfiguration = Die Konfiguration des SMTP-Servers ist ungültig.
validation-ErrorSendingEmail = Die E-Mail konnte nicht gesendet werden.

## HTTP statuses that no error code fits: the title of an RFC 9457 "about:blank" problem

http-400 = Ungültige Anfrage
http-401 = Nicht autorisiert
http-402 = Zahlung erforderlich
http-403 = Verboten
http-404 = Nicht gefunden
http-405 = Methode nicht erlaubt
http-406 = Nicht akzeptabel
http-407 = Proxy-Authentifizierung erforderlich
http-408 = Zeitüberschreitung der Anfrage
http-409 = Konflikt
http-410 = Nicht mehr verfügbar
http-411 = Länge erforderlich
http-412 = Vorbedingung fehlgeschlagen
http-413 = Inhalt zu groß
http-414 = URI zu lang
http-415 = Nicht unterstützter Medientyp
http-416 = Bereich nicht erfüllbar
http-417 = Erwartung fehlgeschlagen
http-421 = Fehlgeleitete Anfrage
http-422 = Nicht verarbeitbarer Inhalt
http-426 = Upgrade erforderlich
http-428 = Vorbedingung erforderlich
http-429 = Zu viele Anfragen
http-431 = Header-Felder der Anfrage zu groß
http-451 = Aus rechtlichen Gründen nicht verfügbar
http-500 = Interner Serverfehler
http-501 = Nicht implementiert
http-502 = Fehlerhaftes Gateway
http-503 = Dienst nicht verfügbar
http-504 = Zeitüberschreitung des Gateways
http-505 = HTTP-Version nicht unterstützt
http-511 = Netzwerkauthentifizierung erforderlich
http-4xx = Clientfehler
http-5xx = Serverfehler
