### OMNIA API error messages: Portuguese (Brazil).
###
### Translation of locales/en-US/errors.ftl: same message ids, attributes and variables.
### Terminology: entidade, registro, atributo, coleção, elemento, estado, requisição; product terms below.

## Product terms (OMNIA's vocabulary), each declared once and referenced as { -term }

-behaviour = comportamento
-connector = conector
-entity = entidade
-tenant = Tenant
-environment = Ambiente
-sensitive-data = dados sensíveis
-sensitive-attributes = atributos sensíveis
-data-source = Data Source
-record = registro
-records = registros
-non-root = non-root

## API error codes

error-BehaviourFailed = Falha na execução do { -behaviour }.
error-ConnectorBehaviourFailed = Falha na execução do { -behaviour } no { -connector }.
    .context = Falha na execução do { -behaviour } no { -connector }: { $message }
error-ConnectorNotFound = O { -connector } não está acessível.
error-ConnectorTimeout = O { -connector } não respondeu dentro do tempo esperado.
error-EntityAlreadyExists = Já existe uma { -entity } com o mesmo identificador.
error-EntityHasBeenChanged = A { -entity } não está na versão esperada.
error-EntityHasNoSensitiveDataToDestroy = Não é possível executar a operação de destruição de { -sensitive-data }, pois a { -entity } não possui { -sensitive-attributes }.
error-EntityNotFound = A { -entity } não foi encontrada.
error-InternalError = Erro interno do sistema.
error-InvalidInput = Dados de entrada da requisição inválidos.
error-TenantNotFound = O { -tenant }/{ -environment } não foi encontrado.
error-ValidationFailed = Falha na validação da requisição.
    .note = Este erro pode trazer detalhes na propriedade "errors". As descrições dos erros estão na seção "Falha na validação - Erros".
error-MissingSystemConfiguration = Configuração do sistema ausente. Exemplo: para que seja possível reiniciar, o serviço Redis precisa estar configurado no sistema.
error-InvalidApplicationVersion = A aplicação foi atualizada. Não será possível salvar o trabalho atual, e a página precisa ser recarregada.
error-DataNotFound = Sua requisição não retornou nenhum dado. Verifique os filtros e tente novamente.
error-FileNotFound = Arquivo não encontrado.

## "Validation Failed" error codes

validation-CannotBeRemoved = Não é possível remover a { -entity }.
validation-Duplicated = Elemento duplicado.
validation-InvalidIdentifier = Identificador (código ou nome) com formato inválido.
    .context = O identificador "{ $value }" (código ou nome) está em um formato inválido.
validation-LowerLimitNotRespected = O número mínimo de elementos da coleção não foi atendido.
    .context =
        { $limit ->
            [0] A coleção deve ter pelo menos { $limit } elementos.
            [one] A coleção deve ter pelo menos { $limit } elemento.
           *[other] A coleção deve ter pelo menos { $limit } elementos.
        }
validation-NotFound = A { -entity }/referência não foi encontrada.
validation-RequiredValue = O valor do atributo é obrigatório.
    .context = É obrigatório informar um valor para o atributo { $path }.
validation-TypeMismatch = O valor não corresponde ao tipo do atributo.
    .context = O valor "{ $value }" não corresponde ao tipo { $type } do atributo { $path }.
validation-UpperLimitNotRespected = O número máximo de elementos da coleção foi excedido.
    .context =
        { $limit ->
            [0] A coleção pode ter no máximo { $limit } elementos.
            [one] A coleção pode ter no máximo { $limit } elemento.
           *[other] A coleção pode ter no máximo { $limit } elementos.
        }
validation-CreateRootUnsupported = Não é possível criar uma instância separadamente, pois a { -entity } está marcada como { -non-root } e deve ser usada no contexto de outra { -entity }.
validation-CreateSystemDataSourceUnsupported = Não é possível adicionar { -records } ao { -data-source } "System".
validation-ValueCannotBeChanged = Não é possível alterar o valor do atributo.
validation-InvalidModelConfiguration = Definição do modelo inválida.
validation-InvalidTenantConfiguration = Definição do { -tenant } inválida.
validation-TextMaxLengthMismatch =
    { $maxLength ->
        [0] O valor excede o tamanho máximo de { $maxLength } caracteres.
        [one] O valor excede o tamanho máximo de { $maxLength } caractere.
       *[other] O valor excede o tamanho máximo de { $maxLength } caracteres.
    }
validation-StateConfigurationNotFound = A configuração do estado atual não foi encontrada.
validation-CommentNotAccepted = A configuração do estado atual não permite comentários.
validation-ForbidToAddToCollectionBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite adicionar elementos à coleção.
validation-ForbidToChangeAttributeValueBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite alterar o valor do atributo.
validation-ForbidToDeleteFromCollectionBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite remover elementos da coleção.
validation-ForbidToSaveBasedOnStateMachineConfiguration = A configuração do estado atual do { -record } não permite salvá-lo.
validation-SmtpServerInvalidConfiguration = A configuração do servidor SMTP é inválida.
validation-ErrorSendingEmail = Não foi possível enviar o e-mail.

## HTTP statuses that no error code fits: the title of an RFC 9457 "about:blank" problem

http-400 = Requisição inválida
http-401 = Não autorizado
http-402 = Pagamento necessário
http-403 = Proibido
http-404 = Não encontrado
http-405 = Método não permitido
http-406 = Não aceitável
http-407 = Autenticação de proxy necessária
http-408 = Tempo esgotado para a requisição
http-409 = Conflito
http-410 = Não está mais disponível
http-411 = Tamanho necessário
http-412 = Falha na pré-condição
http-413 = Conteúdo muito grande
http-414 = URI muito longo
http-415 = Tipo de mídia não suportado
http-416 = Intervalo não satisfazível
http-417 = Falha na expectativa
http-421 = Requisição mal direcionada
http-422 = Conteúdo não processável
http-426 = Atualização necessária
http-428 = Pré-condição necessária
http-429 = Requisições demais
http-431 = Campos de cabeçalho da requisição muito grandes
http-451 = Indisponível por motivos legais
http-500 = Erro interno do servidor
http-501 = Não implementado
http-502 = Gateway inválido
http-503 = Serviço indisponível
http-504 = Tempo esgotado no gateway
http-505 = Versão do HTTP não suportada
http-511 = Autenticação de rede necessária
http-4xx = Erro do cliente
http-5xx = Erro do servidor
