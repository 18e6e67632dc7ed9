### OMNIA API error messages: Spanish (Spain).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: entidad, registro, atributo, colección, elemento, estado, solicitud; product terms below.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

-behaviour = comportamiento
-connector = conector
-entity = entidad
-tenant = Tenant
-environment = Entorno
-sensitive-data = datos sensibles
-sensitive-attributes = atributos sensibles
-data-source = Data Source
-record = registro
-records = registros
-non-root = non-root

## API error codes

error-BehaviourFailed = Error al ejecutar el { -behaviour }.
error-ConnectorBehaviourFailed = Error al ejecutar el { -behaviour } en el { -connector }.
    .context = Error al ejecutar el { -behaviour } en el { -connector }: { $message }
error-ConnectorNotFound = No se puede acceder al { -connector }.
error-ConnectorTimeout = El { -connector } no ha respondido en el tiempo esperado.
error-EntityAlreadyExists = Ya existe una { -entity } con el mismo identificador.
error-EntityHasBeenChanged = La { -entity } no está en la versión esperada.
error-EntityHasNoSensitiveDataToDestroy = No se puede ejecutar la operación de destrucción de { -sensitive-data } porque la { -entity } no tiene { -sensitive-attributes }.
error-EntityNotFound = No se ha encontrado la { -entity }.
error-InternalError = Error interno del sistema.
error-InvalidInput = Datos de entrada de la solicitud no válidos.
error-TenantNotFound = No se ha encontrado el { -tenant }/{ -environment }.
error-ValidationFailed = Error de validación de la solicitud.
    .note = Este error puede incluir detalles en la propiedad "errors". Las descripciones de los errores se encuentran en la sección "Error de validación - Errores".
error-MissingSystemConfiguration = Falta configuración del sistema. Ejemplo: para poder reiniciar, el servicio Redis debe estar configurado en el sistema.
error-InvalidApplicationVersion = La aplicación se ha actualizado. No se podrá guardar el trabajo actual y es necesario volver a cargar la página.
error-DataNotFound = La solicitud no ha devuelto ningún dato. Compruebe los filtros e inténtelo de nuevo.
error-FileNotFound = No se ha encontrado el archivo.

## "Validation Failed" error codes

validation-CannotBeRemoved = No se puede eliminar la { -entity }.
validation-Duplicated = Elemento duplicado.
validation-InvalidIdentifier = Identificador (código o nombre) con formato no válido.
    .context = El identificador "{ $value }" (código o nombre) tiene un formato no válido.
validation-LowerLimitNotRespected = No se cumple el número mínimo de elementos de la colección.
    .context =
        { $limit ->
            [one] La colección debe tener al menos { $limit } elemento.
           *[other] La colección debe tener al menos { $limit } elementos.
        }
validation-NotFound = No se ha encontrado la { -entity }/referencia.
validation-RequiredValue = El valor del atributo es obligatorio.
    .context = Es obligatorio indicar un valor para el atributo { $path }.
validation-TypeMismatch = El valor no coincide con el tipo del atributo.
    .context = El valor "{ $value }" no coincide con el tipo { $type } del atributo { $path }.
validation-UpperLimitNotRespected = Se ha superado el número máximo de elementos de la colección.
    .context =
        { $limit ->
            [one] La colección puede tener como máximo { $limit } elemento.
           *[other] La colección puede tener como máximo { $limit } elementos.
        }
validation-CreateRootUnsupported = No se puede crear una instancia por separado: la { -entity } está marcada como { -non-root } y debe usarse en el contexto de otra { -entity }.
validation-CreateSystemDataSourceUnsupported = No se pueden añadir { -records } al { -data-source } "System".
validation-ValueCannotBeChanged = No se puede cambiar el valor del atributo.
validation-InvalidModelConfiguration = Definición del modelo no válida.
validation-InvalidTenantConfiguration = Definición del { -tenant } no válida.
validation-TextMaxLengthMismatch =
    { $maxLength ->
        [one] El valor supera la longitud máxima de { $maxLength } carácter.
       *[other] El valor supera la longitud máxima de { $maxLength } caracteres.
    }
validation-StateConfigurationNotFound = No se ha encontrado la configuración del estado actual.
validation-CommentNotAccepted = La configuración del estado actual no permite comentarios.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = La configuración del estado actual del { -record } no permite añadir elementos a la colección.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = La configuración del estado actual del { -record } no permite cambiar el valor del atributo.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = La configuración del estado actual del { -record } no permite quitar elementos de la colección.
validation-ForbidToSaveBasedOnStateMachineConfiguration = La configuración del estado actual del { -record } no permite guardarlo.
validation-SmtpServerInvalidConfiguration = La configuración del servidor SMTP no es válida.
validation-ErrorSendingEmail = No se ha podido enviar el correo electrónico.

## HTTP statuses that no error code fits: the title of an RFC 9457 "about:blank" problem

http-400 = Solicitud incorrecta
http-401 = No autorizado
http-402 = Pago requerido
http-403 = Prohibido
http-404 = No encontrado
http-405 = Método no permitido
http-406 = No aceptable
http-407 = Se requiere autenticación del proxy
http-408 = Tiempo de espera de la solicitud agotado
http-409 = Conflicto
http-410 = Ya no está disponible
http-411 = Longitud requerida
http-412 = Error en la condición previa
http-413 = Contenido demasiado grande
http-414 = URI demasiado largo
http-415 = Tipo de medio no admitido
http-416 = Rango no satisfacible
http-417 = Error en la expectativa
http-421 = Solicitud mal dirigida
http-422 = Contenido no procesable
http-426 = Se requiere actualización
http-428 = Se requiere condición previa
http-429 = Demasiadas solicitudes
http-431 = Campos de encabezado de la solicitud demasiado grandes
http-451 = No disponible por motivos legales
http-500 = Error interno del servidor
http-501 = No implementado
http-502 = Puerta de enlace incorrecta
http-503 = Servicio no disponible
http-504 = Tiempo de espera de la puerta de enlace agotado
http-505 = Versión de HTTP no admitida
http-511 = Se requiere autenticación de red
http-4xx = Error del cliente
http-5xx = Error del servidor
