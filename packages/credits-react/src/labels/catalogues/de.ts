import type { Translation } from '../CreditsLabels.js';

const credits = (plural: string) => (plural === 'one' ? 'Credit' : 'Credits');

/** German (Deutsch), Sie-Form as in German billing pages. */
export const labels: Translation = {
  credits: ({ formatted, plural }) => `${formatted} ${credits(plural)}`,
  addCredits: 'Credits aufladen',
  loadingBalance: 'Ihr Guthaben wird geladen …',
  retry: 'Erneut versuchen',
  loadingHistory: 'Buchungen werden geladen …',
  opensInNewTab: '(öffnet in neuem Tab)',
  separator: ' · ',
  cancel: 'Abbrechen',
  errors: {
    default: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    network_error:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    timeout: 'Der Server hat zu lange gebraucht. Bitte versuchen Sie es erneut.',
    unauthenticated:
      'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um Ihre Credits zu sehen.',
    forbidden:
      'Ihr Konto darf diese Aktion nicht ausführen. Wenden Sie sich an einen Administrator.',
    invalid_response:
      'Die Antwort des Servers ist unverständlich. Bitte versuchen Sie es später erneut.',
    rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
    default_payment_method_required: 'Wählen Sie eine neue Standardkarte, bevor Sie diese löschen.',
    validation_failed: 'Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.',
    internal_error: 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
    service_unavailable:
      'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es erneut.',
  },

  balanceRegion: 'Guthaben',
  currentBalance: 'Aktuelles Guthaben',
  usedCredits: 'Verbrauchte Credits',
  expiringSoon: 'Verfällt bald',
  ofTotal: ({ formatted }) => `von insgesamt ${formatted}`,
  heldCredits: ({ formatted }) => `${formatted} für laufende Aufträge reserviert`,
  percentUsed: (percent) => `${percent} Ihrer Credits verbraucht`,
  creditsUsedBar: 'Anteil verbrauchter Credits',
  expiresOn: ({ formatted, plural }, date) =>
    `${formatted} ${credits(plural)} ${plural === 'one' ? 'verfällt' : 'verfallen'} am ${date}`,
  lowBalance: 'Ihr Guthaben ist niedrig.',
  overdrawnBalance: 'Ihr Guthaben ist überzogen.',
  emptyBalance: 'Sie haben noch keine Credits.',
  balanceUpdated: ({ formatted, plural }) =>
    `Guthaben aktualisiert: ${formatted} ${credits(plural)} verfügbar.`,

  history: 'Buchungsverlauf',
  columns: {
    date: 'Datum',
    description: 'Beschreibung',
    amount: 'Betrag',
    balance: 'Saldo',
    website: 'Website',
  },
  transactionTypes: {
    purchase: 'Kauf',
    usage: 'Verbrauch',
    grant: 'Gutschrift',
    refund: 'Erstattung',
    adjustment: 'Korrektur',
    expiry: 'Verfall',
    other: 'Sonstiges',
  },
  filters: 'Buchungen filtern',
  filterType: 'Art',
  allTypes: 'Alle Arten',
  filterWebsite: 'Website',
  allWebsites: 'Alle Websites',
  filterFrom: 'Von',
  filterTo: 'Bis',
  anyDate: 'Beliebig',
  search: 'Suche',
  searchPlaceholder: 'Beschreibung oder Website',
  clearFilters: 'Filter zurücksetzen',
  noTransactions: 'Noch keine Buchungen. Credits, die Sie kaufen und verbrauchen, erscheinen hier.',
  noMatches: 'Keine Buchungen passen zu diesen Filtern.',
  loadMore: 'Mehr laden',
  loadingMore: 'Weitere Buchungen werden geladen …',
  showing: ({ formatted, plural }) =>
    `${formatted} ${plural === 'one' ? 'Buchung' : 'Buchungen'} angezeigt`,
  endOfHistory: 'Das ist der gesamte Verlauf.',
  exportCsv: 'Als CSV exportieren',
  exporting: ({ formatted, plural }) =>
    `Export läuft … ${formatted} ${plural === 'one' ? 'Zeile' : 'Zeilen'}`,
  exportDone: ({ formatted, plural }) =>
    `${formatted} ${plural === 'one' ? 'Zeile' : 'Zeilen'} exportiert.`,
  exportFailed: 'Der Export ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  usageByWebsite: 'Verbrauch nach Website',
  usagePeriod: 'Letzte 30 Tage',
  loadingUsage: 'Verbrauch nach Website wird geladen …',
  noUsage: 'In diesem Zeitraum wurden keine Credits verbraucht.',
  showMoreWebsites: 'Weitere Websites anzeigen',
  websitesShown: ({ formatted, plural }) =>
    `${formatted} ${plural === 'one' ? 'Website' : 'Websites'} angezeigt`,

  packageBadges: { Popular: 'Beliebt', 'Best value': 'Bestes Angebot' },

  addCreditsTitle: 'Credits aufladen',
  addCreditsDescription:
    'Kaufen Sie ein einmaliges Credit-Paket. Die Credits werden gutgeschrieben, sobald die Zahlung erfolgreich war.',
  choosePackage: 'Paket auswählen',
  pricePerThousand: (price, { formatted }) => `${price} pro ${formatted} Credits`,
  paymentMethod: 'Zahlungsmethode',
  useNewCard: 'Neue Karte verwenden',
  expires: (date) => `Gültig bis ${date}`,
  expired: 'Abgelaufen',
  expiresSoon: 'Läuft bald ab',
  defaultBadge: 'Standard',
  testMode: 'Testmodus',
  cardNumber: 'Kartennummer',
  testCardHint:
    'Testkarten: 4242 4242 4242 4242 (erfolgreich), 4000 0027 6000 3184 (3D Secure), 4000 0000 0000 9995 (Deckung nicht ausreichend), 4000 0000 0000 0002 (abgelehnt).',
  invalidTestCard:
    'Im Testmodus sind nur die Testkartennummern von Stripe zulässig. Verwenden Sie eine der unten aufgeführten Karten.',
  saveCard: 'Karte für künftige Käufe speichern',
  pay: (price) => `${price} bezahlen`,
  payingNow: 'Zahlung wird verarbeitet …',
  orderTotal: 'Gesamt',
  processedByStripe: 'Zahlungen wickelt Stripe ab',
  processingPayment:
    'Ihre Zahlung wird bestätigt. Die Credits erscheinen, sobald sie abgeschlossen ist – Sie können dieses Fenster schließen.',
  challengeTitle: 'Zahlung bei Ihrer Bank bestätigen',
  challengeText:
    'Ihre Bank bittet Sie, diese Zahlung zu bestätigen (3D Secure, im Testmodus simuliert).',
  completeAuthentication: 'Bestätigung abschließen',
  failAuthentication: 'Bestätigung ablehnen',
  purchaseSucceeded: ({ formatted, plural }) => `+${formatted} ${credits(plural)} gutgeschrieben`,
  newBalance: ({ formatted, plural }) => `Neues Guthaben: ${formatted} ${credits(plural)}`,
  done: 'Fertig',
  tryAgain: 'Erneut versuchen',
  close: 'Schließen',
  notAllowedToBuy:
    'Ihr Konto kann keine Credits kaufen. Wenden Sie sich an einen Administrator Ihres Workspace.',
  noPaymentProvider:
    'Kartenzahlungen sind gerade nicht möglich. Bitte versuchen Sie es später erneut.',
  stripeUnavailable:
    'Das sichere Kartenformular konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut, oder zahlen Sie mit einer gespeicherten Karte.',
  loadingCardForm: 'Sicheres Kartenformular wird geladen …',
  loadingPackages: 'Credit-Pakete werden geladen …',
  declines: {
    card_declined: 'Ihre Karte wurde abgelehnt.',
    insufficient_funds: 'Ihre Karte hat keine ausreichende Deckung.',
    expired_card: 'Ihre Karte ist abgelaufen.',
    incorrect_cvc: 'Die Kartenprüfnummer (CVC) ist falsch.',
    processing_error:
      'Bei der Verarbeitung Ihrer Karte ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
    authentication_failed: 'Die Bestätigung bei Ihrer Bank ist fehlgeschlagen.',
  },
  loadingPaymentMethods: 'Ihre gespeicherten Karten werden geladen …',
  paymentMethods: 'Zahlungsmethoden',
  addPaymentMethod: 'Zahlungsmethode hinzufügen',
  noSavedCards: 'Noch keine gespeicherten Karten.',
  setDefault: 'Als Standard festlegen',
  deleteCard: 'Löschen',
  cardActions: (card) => `Aktionen für ${card}`,
  deleteTitle: (card) => `${card} löschen?`,
  deleteDescription: 'Diese Karte steht dann für Käufe nicht mehr zur Verfügung.',
  deleteDefaultDescription:
    'Dies ist Ihre Standardkarte. Wählen Sie, welche Karte zum Standard wird.',
  chooseNewDefault: 'Neue Standardkarte',
  confirmDelete: 'Karte löschen',
  saveCardButton: 'Karte speichern',
  cardSaved: 'Karte gespeichert.',
  usageChart: 'Verbrauch im Zeitverlauf',
  period: 'Zeitraum',
  periods: {
    last7: 'Letzte 7 Tage',
    last30: 'Letzte 30 Tage',
    last90: 'Letzte 90 Tage',
    thisMonth: 'Dieser Monat',
    custom: 'Benutzerdefiniert',
  },
  periodFrom: 'Von',
  periodTo: 'Bis',
  totalUsed: ({ formatted, plural }) => `${formatted} ${credits(plural)} verbraucht`,
  changeVsPrevious: (percent) => `${percent} gegenüber dem vorigen Zeitraum`,
  noPreviousUsage: 'Im vorigen Zeitraum nichts verbraucht',
  chartSummary: ({ formatted, plural }, topWebsite, busiest) =>
    [
      `${formatted} ${credits(plural)} in diesem Zeitraum verbraucht.`,
      topWebsite ? `Am meisten: ${topWebsite}.` : '',
      busiest ? `Stärkster Zeitraum: ${busiest}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  otherWebsites: 'Andere Websites',
  purchased: 'Gekauft',
  barLabel: (date, parts) => `${date}: ${parts}`,
  showTable: 'Als Tabelle anzeigen',
  showChart: 'Als Diagramm anzeigen',
  tablePeriod: 'Zeitraum',
  tableTotal: 'Verbraucht gesamt',
  exportChartCsv: 'CSV exportieren',
  loadingChart: 'Verbrauch wird geladen …',
  noUsageInPeriod: 'In diesem Zeitraum wurden keine Credits verbraucht.',
  selected: (website) => `Nur ${website}`,
  clearSelection: 'Alle Websites anzeigen',
};
