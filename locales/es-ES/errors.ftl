### OMNIA API error messages: Spanish (Spain).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: entidad, registro, atributo, colección, elemento, estado, inquilino, solicitud.

## API error codes

error-BehaviourFailed = Error al ejecutar el comportamiento.
error-ConnectorBehaviourFailed = Error al ejecutar el comportamiento en el Connector.
    .context = Error al ejecutar el comportamiento en el Connector: { $message }
error-ConnectorNotFound = No se puede conectar con el Connector.
error-ConnectorTimeout = El Connector no ha respondido en el tiempo esperado.
error-EntityAlreadyExists = Ya existe una entidad con el mismo identificador.
error-EntityHasBeenChanged = La entidad no está en la versión esperada.
error-EntityHasNoSensitiveDataToDestroy = No se puede ejecutar la operación de destrucción de datos confidenciales porque la entidad no tiene atributos confidenciales.
error-EntityNotFound = No se ha encontrado la entidad.
error-InternalError = Error interno del sistema.
error-InvalidInput = Datos de entrada de la solicitud no válidos.
error-TenantNotFound = No se ha encontrado el inquilino/entorno.
error-ValidationFailed = Error de validación de la solicitud.
    .note = Este error puede incluir detalles en la propiedad "errors". Las descripciones de los errores se encuentran en la sección «Error de validación - Errores».
error-MissingSystemConfiguration = Falta configuración del sistema. Ejemplo: para poder reiniciar, el servicio Redis debe estar configurado en el sistema.
error-InvalidApplicationVersion = La aplicación se ha actualizado. No se podrá guardar el trabajo actual y es necesario volver a cargar la página.
error-DataNotFound = La solicitud no ha devuelto ningún dato. Compruebe los filtros e inténtelo de nuevo.
error-FileNotFound = No se ha encontrado el archivo.

## "Validation Failed" error codes

validation-CannotBeRemoved = No se puede eliminar la entidad.
validation-Duplicated = Elemento duplicado.
validation-InvalidIdentifier = Identificador (código o nombre) con formato no válido.
    .context = El identificador "{ $value }" (código o nombre) tiene un formato no válido.
validation-LowerLimitNotRespected = No se cumple el número mínimo de elementos de la colección.
    .context =
        { $limit ->
            [one] La colección debe tener al menos { $limit } elemento.
           *[other] La colección debe tener al menos { $limit } elementos.
        }
validation-NotFound = No se ha encontrado la entidad/referencia.
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
validation-CreateRootUnsupported = No se puede crear una instancia por separado: la entidad está marcada como no raíz y debe usarse en el contexto de otra entidad.
validation-CreateSystemDataSourceUnsupported = No se pueden añadir registros al origen de datos 'System'.
validation-ValueCannotBeChanged = No se puede cambiar el valor del atributo.
validation-InvalidModelConfiguration = Definición del modelo no válida.
validation-InvalidTenantConfiguration = Definición del inquilino no válida.
validation-TextMaxLengthMismatch =
    { $maxLength ->
        [one] El valor supera la longitud máxima de { $maxLength } carácter.
       *[other] El valor supera la longitud máxima de { $maxLength } caracteres.
    }
validation-StateConfigurationNotFound = No se ha encontrado la configuración del estado actual.
validation-CommentNotAccepted = La configuración del estado actual no permite comentarios.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = La configuración del estado actual del registro no permite añadir elementos a la colección.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = La configuración del estado actual del registro no permite cambiar el valor del atributo.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = La configuración del estado actual del registro no permite quitar elementos de la colección.
validation-ForbidToSaveBasedOnStateMachineConfiguration = La configuración del estado actual del registro no permite guardarlo.
validation-SmtpServerInvalidConfiguration = La configuración del servidor SMTP no es válida.
validation-ErrorSendingEmail = No se ha podido enviar el correo electrónico.
