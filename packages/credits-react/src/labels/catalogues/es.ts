import type { Translation } from '../CreditsLabels.js';

/** "1 crédito", "2 créditos", "1.000.000 de créditos" (CLDR `many`). */
const credits = (formatted: string, plural: string) =>
  plural === 'one'
    ? `${formatted} crédito`
    : plural === 'many'
      ? `${formatted} de créditos`
      : `${formatted} créditos`;
const rows = (plural: string) => (plural === 'one' ? 'fila' : 'filas');

/** Spanish (español), neutral for Spain and Latin America, tú as in most product UIs. */
export const labels: Translation = {
  credits: ({ formatted, plural }) => credits(formatted, plural),
  addCredits: 'Añadir créditos',
  loadingBalance: 'Cargando tu saldo de créditos…',
  retry: 'Reintentar',
  loadingHistory: 'Cargando movimientos…',
  opensInNewTab: '(se abre en una pestaña nueva)',
  separator: ' · ',
  cancel: 'Cancelar',
  errors: {
    default: 'Algo salió mal. Inténtalo de nuevo.',
    network_error: 'No podemos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    timeout: 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
    unauthenticated: 'Tu sesión ha caducado. Vuelve a iniciar sesión para ver tus créditos.',
    forbidden: 'Tu cuenta no tiene permiso para hacer esto. Consulta a un administrador.',
    invalid_response:
      'El servidor envió una respuesta que no entendemos. Inténtalo de nuevo más tarde.',
    rate_limited: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
    default_payment_method_required:
      'Elige una nueva tarjeta predeterminada antes de eliminar esta.',
    validation_failed: 'Revisa los datos e inténtalo de nuevo.',
    internal_error: 'El servidor tuvo un problema. Inténtalo de nuevo.',
    service_unavailable: 'El servicio no está disponible temporalmente. Inténtalo de nuevo.',
  },

  balanceRegion: 'Saldo de créditos',
  currentBalance: 'Saldo actual',
  usedCredits: 'Créditos usados',
  expiringSoon: 'Caducan pronto',
  ofTotal: ({ formatted }) => `de ${formatted} en total`,
  heldCredits: ({ formatted }) => `${formatted} reservados para tareas en curso`,
  percentUsed: (percent) => `${percent} de tus créditos usados`,
  creditsUsedBar: 'Proporción de créditos usados',
  expiresOn: ({ formatted, plural }, date) =>
    `${credits(formatted, plural)} ${plural === 'one' ? 'caduca' : 'caducan'} el ${date}`,
  lowBalance: 'Tu saldo de créditos es bajo.',
  overdrawnBalance: 'Tu saldo de créditos está en negativo.',
  emptyBalance: 'Aún no tienes créditos.',
  balanceUpdated: ({ formatted, plural }) =>
    `Saldo actualizado: ${credits(formatted, plural)} ${plural === 'one' ? 'disponible' : 'disponibles'}.`,

  history: 'Historial de movimientos',
  columns: {
    date: 'Fecha',
    description: 'Descripción',
    amount: 'Importe',
    balance: 'Saldo',
    website: 'Sitio web',
  },
  transactionTypes: {
    purchase: 'Compra',
    usage: 'Uso',
    grant: 'Bonificación',
    refund: 'Reembolso',
    adjustment: 'Ajuste',
    expiry: 'Caducidad',
    other: 'Otro',
  },
  filters: 'Filtrar movimientos',
  filterType: 'Tipo',
  allTypes: 'Todos los tipos',
  filterWebsite: 'Sitio web',
  allWebsites: 'Todos los sitios',
  filterFrom: 'Desde',
  filterTo: 'Hasta',
  anyDate: 'Cualquier fecha',
  search: 'Buscar',
  searchPlaceholder: 'Descripción o sitio web',
  clearFilters: 'Borrar filtros',
  noTransactions: 'Aún no hay movimientos. Aquí aparecerán los créditos que compres y uses.',
  noMatches: 'Ningún movimiento coincide con estos filtros.',
  loadMore: 'Cargar más',
  loadingMore: 'Cargando más movimientos…',
  showing: ({ formatted, plural }) =>
    plural === 'one'
      ? `Mostrando ${formatted} movimiento`
      : `Mostrando ${formatted} ${plural === 'many' ? 'de ' : ''}movimientos`,
  endOfHistory: 'Este es todo el historial.',
  exportCsv: 'Exportar CSV',
  exporting: ({ formatted, plural }) => `Exportando… ${formatted} ${rows(plural)}`,
  exportDone: ({ formatted, plural }) =>
    `${formatted} ${rows(plural)} ${plural === 'one' ? 'exportada' : 'exportadas'}.`,
  exportFailed: 'La exportación falló. Inténtalo de nuevo.',
  usageByWebsite: 'Uso por sitio web',
  usagePeriod: 'Últimos 30 días',
  loadingUsage: 'Cargando el uso por sitio web…',
  noUsage: 'No se usaron créditos en este periodo.',
  showMoreWebsites: 'Mostrar más sitios web',
  websitesShown: ({ formatted, plural }) =>
    plural === 'one'
      ? `Mostrando ${formatted} sitio web`
      : `Mostrando ${formatted} ${plural === 'many' ? 'de ' : ''}sitios web`,

  packageBadges: { Popular: 'Popular', 'Best value': 'Mejor precio' },

  addCreditsTitle: 'Añadir créditos',
  addCreditsDescription:
    'Compra un paquete de créditos de pago único. Los créditos se añaden en cuanto se completa el pago.',
  choosePackage: 'Elige un paquete',
  pricePerThousand: (price, { formatted }) => `${price} por cada ${formatted} créditos`,
  paymentMethod: 'Método de pago',
  useNewCard: 'Usar una tarjeta nueva',
  expires: (date) => `Caduca ${date}`,
  expired: 'Caducada',
  expiresSoon: 'Caduca pronto',
  defaultBadge: 'Predeterminada',
  testMode: 'Modo de prueba',
  cardNumber: 'Número de tarjeta',
  testCardHint:
    'Tarjetas de prueba: 4242 4242 4242 4242 (pago correcto), 4000 0027 6000 3184 (3D Secure), 4000 0000 0000 9995 (fondos insuficientes), 4000 0000 0000 0002 (rechazada).',
  invalidTestCard:
    'El modo de prueba solo acepta los números de tarjeta de prueba de Stripe. Usa una de las tarjetas indicadas abajo.',
  saveCard: 'Guardar esta tarjeta para futuras compras',
  pay: (price) => `Pagar ${price}`,
  payingNow: 'Procesando el pago…',
  orderTotal: 'Total a pagar',
  processedByStripe: 'Stripe procesa los pagos',
  processingPayment:
    'Estamos confirmando tu pago. Tus créditos aparecerán en cuanto se complete; puedes cerrar esta ventana.',
  challengeTitle: 'Confirma el pago con tu banco',
  challengeText:
    'Tu banco te pide que autentiques este pago (3D Secure, simulado en modo de prueba).',
  completeAuthentication: 'Completar autenticación',
  failAuthentication: 'Hacer fallar la autenticación',
  purchaseSucceeded: ({ formatted, plural }) =>
    `+${credits(formatted, plural)} ${plural === 'one' ? 'añadido' : 'añadidos'}`,
  newBalance: ({ formatted, plural }) => `Nuevo saldo: ${credits(formatted, plural)}`,
  done: 'Listo',
  tryAgain: 'Reintentar',
  close: 'Cerrar',
  notAllowedToBuy:
    'Tu cuenta no puede comprar créditos. Consulta a un administrador de tu espacio de trabajo.',
  noPaymentProvider:
    'Los pagos con tarjeta no están disponibles en este momento. Inténtalo de nuevo más tarde.',
  stripeUnavailable:
    'No se pudo cargar el formulario seguro de tarjeta. Revisa tu conexión e inténtalo de nuevo, o paga con una tarjeta guardada.',
  loadingCardForm: 'Cargando el formulario seguro de tarjeta…',
  loadingPackages: 'Cargando paquetes de créditos…',
  declines: {
    card_declined: 'Tu tarjeta fue rechazada.',
    insufficient_funds: 'Tu tarjeta no tiene fondos suficientes.',
    expired_card: 'Tu tarjeta ha caducado.',
    incorrect_cvc: 'El código de seguridad (CVC) es incorrecto.',
    processing_error: 'Se produjo un error al procesar tu tarjeta. Inténtalo de nuevo.',
    authentication_failed: 'La autenticación con tu banco no se completó.',
  },
  loadingPaymentMethods: 'Cargando tus tarjetas guardadas…',
  paymentMethods: 'Métodos de pago',
  addPaymentMethod: 'Añadir método de pago',
  noSavedCards: 'Aún no hay tarjetas guardadas.',
  setDefault: 'Establecer como predeterminada',
  deleteCard: 'Eliminar',
  cardActions: (card) => `Acciones para ${card}`,
  deleteTitle: (card) => `¿Eliminar ${card}?`,
  deleteDescription: 'Esta tarjeta ya no estará disponible para tus compras.',
  deleteDefaultDescription:
    'Esta es tu tarjeta predeterminada. Elige qué tarjeta pasa a ser la predeterminada.',
  chooseNewDefault: 'Nueva tarjeta predeterminada',
  confirmDelete: 'Eliminar tarjeta',
  saveCardButton: 'Guardar tarjeta',
  cardSaved: 'Tarjeta guardada.',
  usageChart: 'Créditos usados a lo largo del tiempo',
  period: 'Periodo',
  periods: {
    last7: 'Últimos 7 días',
    last30: 'Últimos 30 días',
    last90: 'Últimos 90 días',
    thisMonth: 'Este mes',
    custom: 'Personalizado',
  },
  periodFrom: 'Desde',
  periodTo: 'Hasta',
  totalUsed: ({ formatted, plural }) =>
    `${credits(formatted, plural)} ${plural === 'one' ? 'usado' : 'usados'}`,
  changeVsPrevious: (percent) => `${percent} frente al periodo anterior`,
  noPreviousUsage: 'Nada usado en el periodo anterior',
  chartSummary: ({ formatted, plural }, topWebsite, busiest) =>
    [
      `${credits(formatted, plural)} ${plural === 'one' ? 'usado' : 'usados'} en este periodo.`,
      topWebsite ? `Sobre todo en ${topWebsite}.` : '',
      busiest ? `Máximo: ${busiest}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  otherWebsites: 'Otros sitios',
  purchased: 'Comprado',
  barLabel: (date, parts) => `${date}: ${parts}`,
  showTable: 'Ver como tabla',
  showChart: 'Ver como gráfico',
  tablePeriod: 'Periodo',
  tableTotal: 'Total usado',
  exportChartCsv: 'Exportar CSV',
  loadingChart: 'Cargando el uso…',
  noUsageInPeriod: 'No se usaron créditos en este periodo.',
  selected: (website) => `Solo ${website}`,
  clearSelection: 'Ver todos los sitios',
};
