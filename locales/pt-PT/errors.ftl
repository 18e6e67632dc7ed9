### OMNIA API error messages: Portuguese (Portugal).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: entidade, registo, atributo, coleção, elemento, estado, pedido; product terms below.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

-behaviour = comportamento
-connector = conetor
-entity = entidade
-tenant = Tenant
-environment = Ambiente
-sensitive-data = dados sensíveis
-sensitive-attributes = atributos sensíveis
-data-source = Data Source
-record = registo
-records = registos
-non-root = non-root

## API error codes

error-BehaviourFailed = Falha na execução do { -behaviour }.
error-ConnectorBehaviourFailed = Falha na execução do { -behaviour } no { -connector }.
    .context = Falha na execução do { -behaviour } no { -connector }: { $message }
error-ConnectorNotFound = Não é possível contactar o { -connector }.
error-ConnectorTimeout = O { -connector } não respondeu no tempo esperado.
error-EntityAlreadyExists = Já existe uma { -entity } com o mesmo identificador.
error-EntityHasBeenChanged = A { -entity } não está na versão esperada.
error-EntityHasNoSensitiveDataToDestroy = Não é possível executar a operação de destruição de { -sensitive-data }, porque a { -entity } não tem { -sensitive-attributes }.
error-EntityNotFound = Não foi possível encontrar a { -entity }.
error-InternalError = Erro interno do sistema.
error-InvalidInput = Dados de entrada do pedido inválidos.
error-TenantNotFound = Não foi possível encontrar o { -tenant }/{ -environment }.
error-ValidationFailed = Falha na validação do pedido.
    .note = Este erro pode incluir detalhes na propriedade "errors". As descrições dos erros encontram-se na secção "Falha na validação - Erros".
error-MissingSystemConfiguration = Configuração do sistema em falta. Exemplo: para ser possível reiniciar, o serviço Redis tem de estar configurado no sistema.
error-InvalidApplicationVersion = A aplicação foi atualizada. Não será possível guardar o trabalho atual e é necessário recarregar a página.
error-DataNotFound = O seu pedido não devolveu dados. Verifique os filtros e tente novamente.
error-FileNotFound = Ficheiro não encontrado.

## "Validation Failed" error codes

validation-CannotBeRemoved = Não é possível remover a { -entity }.
validation-Duplicated = Elemento duplicado.
validation-InvalidIdentifier = Identificador (código ou nome) com formato inválido.
    .context = O identificador "{ $value }" (código ou nome) tem um formato inválido.
validation-LowerLimitNotRespected = Não foi respeitado o número mínimo de elementos da coleção.
    .context =
        { $limit ->
            [one] A coleção tem de ter, pelo menos, { $limit } elemento.
           *[other] A coleção tem de ter, pelo menos, { $limit } elementos.
        }
validation-NotFound = Não foi possível encontrar a { -entity }/referência.
validation-RequiredValue = O valor do atributo é obrigatório.
    .context = É obrigatório indicar um valor para o atributo { $path }.
validation-TypeMismatch = O valor não corresponde ao tipo do atributo.
    .context = O valor "{ $value }" não corresponde ao tipo { $type } do atributo { $path }.
validation-UpperLimitNotRespected = Foi excedido o número máximo de elementos da coleção.
    .context =
        { $limit ->
            [one] A coleção pode ter, no máximo, { $limit } elemento.
           *[other] A coleção pode ter, no máximo, { $limit } elementos.
        }
validation-CreateRootUnsupported = Não é possível criar uma instância de forma isolada: a { -entity } está marcada como { -non-root } e tem de ser utilizada no contexto de outra { -entity }.
validation-CreateSystemDataSourceUnsupported = Não é possível adicionar { -records } ao { -data-source } "System".
validation-ValueCannotBeChanged = Não é possível alterar o valor do atributo.
validation-InvalidModelConfiguration = Definição do modelo inválida.
validation-InvalidTenantConfiguration = Definição do { -tenant } inválida.
validation-TextMaxLengthMismatch =
    { $maxLength ->
        [one] O valor excede o comprimento máximo de { $maxLength } carácter.
       *[other] O valor excede o comprimento máximo de { $maxLength } caracteres.
    }
validation-StateConfigurationNotFound = Não foi encontrada a configuração do estado atual.
validation-CommentNotAccepted = A configuração do estado atual não permite comentários.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite adicionar elementos à coleção.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite alterar o valor do atributo.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite remover elementos da coleção.
validation-ForbidToSaveBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite guardá-lo.
validation-SmtpServerInvalidConfiguration = A configuração do servidor SMTP é inválida.
validation-ErrorSendingEmail = Não foi possível enviar o e-mail.

## HTTP statuses that no error code fits: the title of an RFC 9457 "about:blank" problem

http-400 = Pedido inválido
http-401 = Não autorizado
http-402 = Pagamento necessário
http-403 = Proibido
http-404 = Não encontrado
http-405 = Método não permitido
http-406 = Não aceitável
http-407 = Autenticação no proxy necessária
http-408 = Tempo limite do pedido esgotado
http-409 = Conflito
http-410 = Já não está disponível
http-411 = Comprimento necessário
http-412 = Pré-condição falhada
http-413 = Conteúdo demasiado grande
http-414 = URI demasiado longo
http-415 = Tipo de conteúdo não suportado
http-416 = Intervalo não satisfazível
http-417 = Expectativa falhada
http-421 = Pedido mal encaminhado
http-422 = Conteúdo não processável
http-426 = Atualização necessária
http-428 = Pré-condição necessária
http-429 = Demasiados pedidos
http-431 = Campos de cabeçalho do pedido demasiado grandes
http-451 = Indisponível por motivos legais
http-500 = Erro interno do servidor
http-501 = Não implementado
http-502 = Gateway inválido
http-503 = Serviço indisponível
http-504 = Tempo limite do gateway esgotado
http-505 = Versão de HTTP não suportada
http-511 = Autenticação de rede necessária
http-4xx = Erro do cliente
http-5xx = Erro do servidor
