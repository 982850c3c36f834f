import type { Translation } from '../CreditsLabels.js';

/** "1 crédito", "2 créditos", "1.000.000 de créditos" (CLDR `many`). */
const credits = (formatted: string, plural: string) =>
  plural === 'one'
    ? `${formatted} crédito`
    : plural === 'many'
      ? `${formatted} de créditos`
      : `${formatted} créditos`;
const rows = (plural: string) => (plural === 'one' ? 'linha' : 'linhas');

/** Portuguese as written in Brazil (português do Brasil), "você". */
export const labels: Translation = {
  credits: ({ formatted, plural }) => credits(formatted, plural),
  addCredits: 'Adicionar créditos',
  loadingBalance: 'Carregando seu saldo de créditos…',
  retry: 'Tentar novamente',
  loadingHistory: 'Carregando transações…',
  opensInNewTab: '(abre em uma nova aba)',
  separator: ' · ',
  cancel: 'Cancelar',
  errors: {
    default: 'Algo deu errado. Tente novamente.',
    network_error:
      'Não foi possível conectar ao servidor. Verifique sua conexão e tente novamente.',
    timeout: 'O servidor demorou demais para responder. Tente novamente.',
    unauthenticated: 'Sua sessão expirou. Entre novamente para ver seus créditos.',
    forbidden: 'Sua conta não tem permissão para fazer isso. Fale com um administrador.',
    invalid_response:
      'O servidor enviou uma resposta que não entendemos. Tente novamente mais tarde.',
    rate_limited: 'Muitas solicitações. Aguarde um momento e tente novamente.',
    default_payment_method_required: 'Escolha um novo cartão padrão antes de excluir este.',
    validation_failed: 'Confira os dados e tente novamente.',
    internal_error: 'O servidor teve um problema. Tente novamente.',
    service_unavailable: 'O serviço está temporariamente indisponível. Tente novamente.',
  },

  balanceRegion: 'Saldo de créditos',
  currentBalance: 'Saldo atual',
  usedCredits: 'Créditos usados',
  expiringSoon: 'Expiram em breve',
  ofTotal: ({ formatted }) => `de ${formatted} no total`,
  heldCredits: ({ formatted }) => `${formatted} reservados para tarefas em andamento`,
  percentUsed: (percent) => `${percent} dos seus créditos usados`,
  creditsUsedBar: 'Parcela de créditos usados',
  expiresOn: ({ formatted, plural }, date) =>
    `${credits(formatted, plural)} ${plural === 'one' ? 'expira' : 'expiram'} em ${date}`,
  lowBalance: 'Seu saldo de créditos está baixo.',
  overdrawnBalance: 'Seu saldo de créditos está negativo.',
  emptyBalance: 'Você ainda não tem créditos.',
  balanceUpdated: ({ formatted, plural }) =>
    `Saldo atualizado: ${credits(formatted, plural)} ${plural === 'one' ? 'disponível' : 'disponíveis'}.`,

  history: 'Histórico de transações',
  columns: {
    date: 'Data',
    description: 'Descrição',
    amount: 'Valor',
    balance: 'Saldo',
    website: 'Site',
  },
  transactionTypes: {
    purchase: 'Compra',
    usage: 'Uso',
    grant: 'Bonificação',
    refund: 'Reembolso',
    adjustment: 'Ajuste',
    expiry: 'Expiração',
    other: 'Outro',
  },
  filters: 'Filtrar transações',
  filterType: 'Tipo',
  allTypes: 'Todos os tipos',
  filterWebsite: 'Site',
  allWebsites: 'Todos os sites',
  filterFrom: 'De',
  filterTo: 'Até',
  anyDate: 'Qualquer data',
  search: 'Pesquisar',
  searchPlaceholder: 'Descrição ou site',
  clearFilters: 'Limpar filtros',
  noTransactions: 'Nenhuma transação ainda. Os créditos que você comprar e usar aparecerão aqui.',
  noMatches: 'Nenhuma transação corresponde a esses filtros.',
  loadMore: 'Carregar mais',
  loadingMore: 'Carregando mais transações…',
  showing: ({ formatted, plural }) =>
    plural === 'one'
      ? `Exibindo ${formatted} transação`
      : `Exibindo ${formatted} ${plural === 'many' ? 'de ' : ''}transações`,
  endOfHistory: 'Esse é todo o histórico.',
  exportCsv: 'Exportar CSV',
  exporting: ({ formatted, plural }) => `Exportando… ${formatted} ${rows(plural)}`,
  exportDone: ({ formatted, plural }) =>
    `${formatted} ${rows(plural)} ${plural === 'one' ? 'exportada' : 'exportadas'}.`,
  exportFailed: 'A exportação falhou. Tente novamente.',
  usageByWebsite: 'Uso por site',
  usagePeriod: 'Últimos 30 dias',
  loadingUsage: 'Carregando o uso por site…',
  noUsage: 'Nenhum crédito usado neste período.',
  showMoreWebsites: 'Mostrar mais sites',
  websitesShown: ({ formatted, plural }) =>
    plural === 'one'
      ? `Exibindo ${formatted} site`
      : `Exibindo ${formatted} ${plural === 'many' ? 'de ' : ''}sites`,

  packageBadges: { Popular: 'Popular', 'Best value': 'Melhor preço' },

  addCreditsTitle: 'Adicionar créditos',
  addCreditsDescription:
    'Compre um pacote de créditos avulso. Os créditos são adicionados assim que o pagamento for aprovado.',
  choosePackage: 'Escolha um pacote',
  pricePerThousand: (price, { formatted }) => `${price} a cada ${formatted} créditos`,
  paymentMethod: 'Forma de pagamento',
  useNewCard: 'Usar um novo cartão',
  expires: (date) => `Validade ${date}`,
  expired: 'Vencido',
  expiresSoon: 'Vence em breve',
  defaultBadge: 'Padrão',
  testMode: 'Modo de teste',
  cardNumber: 'Número do cartão',
  testCardHint:
    'Cartões de teste: 4242 4242 4242 4242 (aprovado), 4000 0027 6000 3184 (3D Secure), 4000 0000 0000 9995 (saldo insuficiente), 4000 0000 0000 0002 (recusado).',
  invalidTestCard:
    'O modo de teste aceita apenas os números de cartão de teste da Stripe. Use um dos cartões listados abaixo.',
  saveCard: 'Salvar este cartão para compras futuras',
  pay: (price) => `Pagar ${price}`,
  payingNow: 'Processando pagamento…',
  orderTotal: 'Total a pagar',
  processedByStripe: 'Pagamentos processados pela Stripe',
  processingPayment:
    'Seu pagamento está sendo confirmado. Seus créditos aparecerão assim que ele for concluído — você pode fechar esta janela.',
  challengeTitle: 'Confirme o pagamento com seu banco',
  challengeText:
    'Seu banco pede que você autentique este pagamento (3D Secure, simulado no modo de teste).',
  completeAuthentication: 'Concluir autenticação',
  failAuthentication: 'Falhar autenticação',
  purchaseSucceeded: ({ formatted, plural }) =>
    `+${credits(formatted, plural)} ${plural === 'one' ? 'adicionado' : 'adicionados'}`,
  newBalance: ({ formatted, plural }) => `Novo saldo: ${credits(formatted, plural)}`,
  done: 'Concluir',
  tryAgain: 'Tentar novamente',
  close: 'Fechar',
  notAllowedToBuy:
    'Sua conta não pode comprar créditos. Fale com um administrador do seu espaço de trabalho.',
  noPaymentProvider:
    'Pagamentos com cartão não estão disponíveis no momento. Tente novamente mais tarde.',
  stripeUnavailable:
    'Não foi possível carregar o formulário seguro do cartão. Verifique sua conexão e tente novamente, ou pague com um cartão salvo.',
  loadingCardForm: 'Carregando o formulário seguro do cartão…',
  loadingPackages: 'Carregando pacotes de créditos…',
  declines: {
    card_declined: 'Seu cartão foi recusado.',
    insufficient_funds: 'Seu cartão não tem saldo suficiente.',
    expired_card: 'Seu cartão está vencido.',
    incorrect_cvc: 'O código de segurança (CVC) está incorreto.',
    processing_error: 'Ocorreu um erro ao processar seu cartão. Tente novamente.',
    authentication_failed: 'A autenticação com seu banco falhou.',
  },
  loadingPaymentMethods: 'Carregando seus cartões salvos…',
  paymentMethods: 'Formas de pagamento',
  addPaymentMethod: 'Adicionar forma de pagamento',
  noSavedCards: 'Nenhum cartão salvo ainda.',
  setDefault: 'Definir como padrão',
  deleteCard: 'Excluir',
  cardActions: (card) => `Ações para ${card}`,
  deleteTitle: (card) => `Excluir ${card}?`,
  deleteDescription: 'Este cartão não estará mais disponível para compras.',
  deleteDefaultDescription:
    'Este é o seu cartão padrão. Escolha qual cartão passará a ser o padrão.',
  chooseNewDefault: 'Novo cartão padrão',
  confirmDelete: 'Excluir cartão',
  saveCardButton: 'Salvar cartão',
  cardSaved: 'Cartão salvo.',
  usageChart: 'Créditos usados ao longo do tempo',
  period: 'Período',
  periods: {
    last7: 'Últimos 7 dias',
    last30: 'Últimos 30 dias',
    last90: 'Últimos 90 dias',
    thisMonth: 'Este mês',
    custom: 'Personalizado',
  },
  periodFrom: 'De',
  periodTo: 'Até',
  totalUsed: ({ formatted, plural }) =>
    `${credits(formatted, plural)} ${plural === 'one' ? 'usado' : 'usados'}`,
  changeVsPrevious: (percent) => `${percent} em relação ao período anterior`,
  noPreviousUsage: 'Nada usado no período anterior',
  chartSummary: ({ formatted, plural }, topWebsite, busiest) =>
    [
      `${credits(formatted, plural)} ${plural === 'one' ? 'usado' : 'usados'} neste período.`,
      topWebsite ? `Principalmente em ${topWebsite}.` : '',
      busiest ? `Pico: ${busiest}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  otherWebsites: 'Outros sites',
  purchased: 'Comprado',
  barLabel: (date, parts) => `${date}: ${parts}`,
  showTable: 'Ver como tabela',
  showChart: 'Ver como gráfico',
  tablePeriod: 'Período',
  tableTotal: 'Total usado',
  exportChartCsv: 'Exportar CSV',
  loadingChart: 'Carregando o uso…',
  noUsageInPeriod: 'Nenhum crédito usado neste período.',
  selected: (website) => `Somente ${website}`,
  clearSelection: 'Ver todos os sites',
};
