### OMNIA API error messages: Polish (Poland).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: encja, rekord, atrybut, kolekcja, element, stan, żądanie; product terms below.
### Plurals: one (1 znak), few (2-4, 22 znaki), many (5+, 25 znaków); other is for fractions
### (2,5 znaku), which no parameter is, so no message has it. The default variant is [many], the
### form of typical lengths (5, 10, 50, 100, 255, 1000 znaków): the error page shows it without a
### number ("(zdefiniowana długość) znaków"), and OMNIA's language files, which have no plurals,
### hold it. The collection limits take any number as they are ("Minimalna liczba elementów
### kolekcji: 5."), so OMNIA's files get a grammatical text for every number.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

# Declined terms are in the genitive, the case every message here needs them in ("Nie znaleziono
# tenanta/środowiska", "definicja tenanta", "do źródła danych"). Connector stays a name
# ("w komponencie Connector"), and non-root is OMNIA's word, as in its other languages.

-connector = Connector
-tenant = tenanta
-environment = środowiska
-data-source = źródła danych
-non-root = non-root

## API error codes

error-BehaviourFailed = Nie udało się wykonać zachowania.
error-ConnectorBehaviourFailed = Nie udało się wykonać zachowania w komponencie { -connector }.
    .context = Nie udało się wykonać zachowania w komponencie { -connector }: { $message }
error-ConnectorNotFound = Nie można nawiązać połączenia z komponentem { -connector }.
error-ConnectorTimeout = Komponent { -connector } nie odpowiedział w oczekiwanym czasie.
error-EntityAlreadyExists = Encja o tym samym identyfikatorze już istnieje.
error-EntityHasBeenChanged = Encja nie jest w oczekiwanej wersji.
error-EntityHasNoSensitiveDataToDestroy = Nie można wykonać operacji niszczenia danych wrażliwych, ponieważ encja nie ma atrybutów wrażliwych.
error-EntityNotFound = Nie znaleziono encji.
error-InternalError = Wewnętrzny błąd systemu.
error-InvalidInput = Nieprawidłowe dane wejściowe żądania.
error-TenantNotFound = Nie znaleziono { -tenant }/{ -environment }.
error-ValidationFailed = Walidacja żądania nie powiodła się.
    .note = Ten błąd może zawierać szczegóły we właściwości „errors”. Opisy błędów znajdują się w sekcji „Niepowodzenie walidacji - Błędy”.
error-MissingSystemConfiguration = Brak konfiguracji systemu. Przykład: aby ponowne uruchomienie było możliwe, w systemie musi być skonfigurowana usługa Redis.
error-InvalidApplicationVersion = Aplikacja została zaktualizowana. Nie będzie można zapisać bieżącej pracy i należy odświeżyć stronę.
error-DataNotFound = Żądanie nie zwróciło żadnych danych. Sprawdź filtry i spróbuj ponownie.
error-FileNotFound = Nie znaleziono pliku.

## "Validation Failed" error codes

validation-CannotBeRemoved = Nie można usunąć encji.
validation-Duplicated = Zduplikowany element.
validation-InvalidIdentifier = Identyfikator (kod lub nazwa) ma nieprawidłowy format.
    .context = Identyfikator „{ $value }” (kod lub nazwa) ma nieprawidłowy format.
validation-LowerLimitNotRespected = Nie zachowano minimalnej liczby elementów w kolekcji.
    .context = Minimalna liczba elementów kolekcji: { $limit }.
validation-NotFound = Nie znaleziono encji/odwołania.
validation-RequiredValue = Wartość atrybutu jest wymagana.
    .context = Atrybut { $path } wymaga podania wartości.
validation-TypeMismatch = Wartość atrybutu jest niezgodna z jego typem.
    .context = Wartość „{ $value }” jest niezgodna z typem { $type } atrybutu { $path }.
validation-UpperLimitNotRespected = Przekroczono maksymalną liczbę elementów w kolekcji.
    .context = Maksymalna liczba elementów kolekcji: { $limit }.
validation-CreateRootUnsupported = Nie można utworzyć osobnej instancji, ponieważ encja jest oznaczona jako { -non-root } i musi być używana w kontekście innej encji.
validation-CreateSystemDataSourceUnsupported = Nie można dodawać rekordów do { -data-source } „System”.
validation-ValueCannotBeChanged = Nie można zmienić wartości atrybutu.
validation-InvalidModelConfiguration = Nieprawidłowa definicja modelu.
validation-InvalidTenantConfiguration = Nieprawidłowa definicja { -tenant }.
validation-TextMaxLengthMismatch =
    { $maxLength ->
        [one] Wartość jest za długa. Maksymalna długość to { $maxLength } znak.
        [few] Wartość jest za długa. Maksymalna długość to { $maxLength } znaki.
       *[many] Wartość jest za długa. Maksymalna długość to { $maxLength } znaków.
    }
validation-StateConfigurationNotFound = Nie znaleziono konfiguracji bieżącego stanu.
validation-CommentNotAccepted = Konfiguracja bieżącego stanu nie zezwala na komentarze.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = Konfiguracja bieżącego stanu rekordu nie zezwala na dodawanie elementów do kolekcji.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = Konfiguracja bieżącego stanu rekordu nie zezwala na zmianę wartości atrybutu.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = Konfiguracja bieżącego stanu rekordu nie zezwala na usuwanie elementów z kolekcji.
validation-ForbidToSaveBasedOnStateMachineConfiguration = Konfiguracja bieżącego stanu rekordu nie zezwala na zapisanie rekordu.
validation-SmtpServerInvalidConfiguration = Konfiguracja serwera SMTP jest nieprawidłowa.
validation-ErrorSendingEmail = Nie udało się wysłać wiadomości e-mail.

## HTTP statuses that no error code fits: the title of an RFC 9457 "about:blank" problem

http-400 = Nieprawidłowe żądanie
http-401 = Brak autoryzacji
http-402 = Wymagana płatność
http-403 = Dostęp zabroniony
http-404 = Nie znaleziono
http-405 = Niedozwolona metoda
http-406 = Nieakceptowalne
http-407 = Wymagane uwierzytelnienie w serwerze proxy
http-408 = Przekroczono czas oczekiwania na żądanie
http-409 = Konflikt
http-410 = Zasób nie jest już dostępny
http-411 = Wymagana długość
http-412 = Niespełniony warunek wstępny
http-413 = Zbyt duża zawartość
http-414 = Zbyt długi URI
http-415 = Nieobsługiwany typ nośnika
http-416 = Zakres niemożliwy do spełnienia
http-417 = Niespełnione oczekiwanie
http-421 = Błędnie skierowane żądanie
http-422 = Nie można przetworzyć zawartości
http-426 = Wymagana aktualizacja protokołu
http-428 = Wymagany warunek wstępny
http-429 = Zbyt wiele żądań
http-431 = Zbyt duże pola nagłówka żądania
http-451 = Niedostępne z przyczyn prawnych
http-500 = Wewnętrzny błąd serwera
http-501 = Nie zaimplementowano
http-502 = Błędna brama
http-503 = Usługa niedostępna
http-504 = Przekroczono czas oczekiwania bramy
http-505 = Nieobsługiwana wersja HTTP
http-511 = Wymagane uwierzytelnienie w sieci
http-4xx = Błąd klienta
http-5xx = Błąd serwera
