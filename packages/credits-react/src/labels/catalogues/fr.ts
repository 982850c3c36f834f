import type { Translation } from '../CreditsLabels.js';

/** "1 crédit", "2 crédits", "1 000 000 de crédits" (CLDR `many`). */
const credits = (formatted: string, plural: string) =>
  plural === 'one'
    ? `${formatted} crédit`
    : plural === 'many'
      ? `${formatted} de crédits`
      : `${formatted} crédits`;
const rows = (plural: string) => (plural === 'one' ? 'ligne' : 'lignes');

/** French (français), vouvoiement. */
export const labels: Translation = {
  credits: ({ formatted, plural }) => credits(formatted, plural),
  addCredits: 'Ajouter des crédits',
  loadingBalance: 'Chargement de votre solde de crédits…',
  retry: 'Réessayer',
  loadingHistory: 'Chargement des transactions…',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  separator: ' · ',
  cancel: 'Annuler',
  errors: {
    default: 'Un problème est survenu. Veuillez réessayer.',
    network_error: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    timeout: 'Le serveur a mis trop de temps à répondre. Veuillez réessayer.',
    unauthenticated: 'Votre session a expiré. Reconnectez-vous pour voir vos crédits.',
    forbidden:
      'Votre compte n’est pas autorisé à effectuer cette action. Contactez un administrateur.',
    invalid_response: 'La réponse du serveur est incompréhensible. Veuillez réessayer plus tard.',
    rate_limited: 'Trop de requêtes. Patientez un instant, puis réessayez.',
    default_payment_method_required:
      'Choisissez une nouvelle carte par défaut avant de supprimer celle-ci.',
    validation_failed: 'Veuillez vérifier les informations saisies et réessayer.',
    internal_error: 'Le serveur a rencontré un problème. Veuillez réessayer.',
    service_unavailable: 'Le service est temporairement indisponible. Veuillez réessayer.',
  },

  balanceRegion: 'Solde de crédits',
  currentBalance: 'Solde actuel',
  usedCredits: 'Crédits utilisés',
  expiringSoon: 'Expiration prochaine',
  ofTotal: ({ formatted }) => `sur ${formatted} au total`,
  heldCredits: ({ formatted }) => `${formatted} réservés pour des tâches en cours`,
  percentUsed: (percent) => `${percent} de vos crédits utilisés`,
  creditsUsedBar: 'Part des crédits utilisés',
  expiresOn: ({ formatted, plural }, date) =>
    `${credits(formatted, plural)} ${plural === 'one' ? 'expire' : 'expirent'} le ${date}`,
  lowBalance: 'Votre solde de crédits est faible.',
  overdrawnBalance: 'Votre solde de crédits est négatif.',
  emptyBalance: 'Vous n’avez pas encore de crédits.',
  balanceUpdated: ({ formatted, plural }) =>
    `Solde mis à jour : ${credits(formatted, plural)} ${plural === 'one' ? 'disponible' : 'disponibles'}.`,

  history: 'Historique des transactions',
  columns: {
    date: 'Date',
    description: 'Description',
    amount: 'Montant',
    balance: 'Solde',
    website: 'Site web',
  },
  transactionTypes: {
    purchase: 'Achat',
    usage: 'Utilisation',
    grant: 'Crédits offerts',
    refund: 'Remboursement',
    adjustment: 'Ajustement',
    expiry: 'Expiration',
    other: 'Autre',
  },
  filters: 'Filtrer les transactions',
  filterType: 'Type',
  allTypes: 'Tous les types',
  filterWebsite: 'Site web',
  allWebsites: 'Tous les sites',
  filterFrom: 'Du',
  filterTo: 'Au',
  anyDate: 'Toutes dates',
  search: 'Rechercher',
  searchPlaceholder: 'Description ou site web',
  clearFilters: 'Effacer les filtres',
  noTransactions:
    'Aucune transaction pour l’instant. Les crédits achetés et utilisés apparaîtront ici.',
  noMatches: 'Aucune transaction ne correspond à ces filtres.',
  loadMore: 'Afficher plus',
  loadingMore: 'Chargement d’autres transactions…',
  showing: ({ formatted, plural }) =>
    plural === 'one'
      ? `${formatted} transaction affichée`
      : `${formatted} ${plural === 'many' ? 'de ' : ''}transactions affichées`,
  endOfHistory: 'Vous avez atteint le début de l’historique.',
  exportCsv: 'Exporter en CSV',
  exporting: ({ formatted, plural }) => `Export en cours… ${formatted} ${rows(plural)}`,
  exportDone: ({ formatted, plural }) =>
    `${formatted} ${rows(plural)} ${plural === 'one' ? 'exportée' : 'exportées'}.`,
  exportFailed: 'L’export a échoué. Veuillez réessayer.',
  usageByWebsite: 'Utilisation par site web',
  usagePeriod: '30 derniers jours',
  loadingUsage: 'Chargement de l’utilisation par site web…',
  noUsage: 'Aucun crédit utilisé sur cette période.',
  showMoreWebsites: 'Afficher plus de sites web',
  websitesShown: ({ formatted, plural }) =>
    plural === 'one'
      ? `${formatted} site web affiché`
      : `${formatted} ${plural === 'many' ? 'de ' : ''}sites web affichés`,

  packageBadges: { Popular: 'Populaire', 'Best value': 'Meilleure offre' },

  addCreditsTitle: 'Ajouter des crédits',
  addCreditsDescription:
    'Achetez un pack de crédits en une fois. Les crédits sont ajoutés dès que le paiement a abouti.',
  choosePackage: 'Choisissez un pack',
  pricePerThousand: (price, { formatted }) => `${price} les ${formatted} crédits`,
  paymentMethod: 'Moyen de paiement',
  useNewCard: 'Utiliser une nouvelle carte',
  expires: (date) => `Expire fin ${date}`,
  expired: 'Expirée',
  expiresSoon: 'Expire bientôt',
  defaultBadge: 'Par défaut',
  testMode: 'Mode test',
  cardNumber: 'Numéro de carte',
  testCardHint:
    'Cartes de test : 4242 4242 4242 4242 (acceptée), 4000 0027 6000 3184 (3D Secure), 4000 0000 0000 9995 (provision insuffisante), 4000 0000 0000 0002 (refusée).',
  invalidTestCard:
    'Le mode test n’accepte que les numéros de carte de test de Stripe. Utilisez l’une des cartes ci-dessous.',
  saveCard: 'Enregistrer cette carte pour mes prochains achats',
  pay: (price) => `Payer ${price}`,
  payingNow: 'Paiement en cours…',
  orderTotal: 'Total à payer',
  processedByStripe: 'Paiements traités par Stripe',
  processingPayment:
    'Votre paiement est en cours de confirmation. Vos crédits apparaîtront dès qu’il sera finalisé ; vous pouvez fermer cette fenêtre.',
  challengeTitle: 'Confirmez le paiement auprès de votre banque',
  challengeText:
    'Votre banque vous demande d’authentifier ce paiement (3D Secure, simulé en mode test).',
  completeAuthentication: 'Valider l’authentification',
  failAuthentication: 'Faire échouer l’authentification',
  purchaseSucceeded: ({ formatted, plural }) =>
    `+${credits(formatted, plural)} ${plural === 'one' ? 'ajouté' : 'ajoutés'}`,
  newBalance: ({ formatted, plural }) => `Nouveau solde : ${credits(formatted, plural)}`,
  done: 'Terminé',
  tryAgain: 'Réessayer',
  close: 'Fermer',
  notAllowedToBuy:
    'Votre compte ne peut pas acheter de crédits. Contactez un administrateur de votre espace de travail.',
  noPaymentProvider:
    'Le paiement par carte est indisponible pour le moment. Veuillez réessayer plus tard.',
  stripeUnavailable:
    'Le formulaire de carte sécurisé n’a pas pu se charger. Vérifiez votre connexion et réessayez, ou payez avec une carte enregistrée.',
  loadingCardForm: 'Chargement du formulaire de carte sécurisé…',
  loadingPackages: 'Chargement des packs de crédits…',
  declines: {
    card_declined: 'Votre carte a été refusée.',
    insufficient_funds: 'La provision de votre carte est insuffisante.',
    expired_card: 'Votre carte a expiré.',
    incorrect_cvc: 'Le cryptogramme visuel (CVC) est incorrect.',
    processing_error:
      'Une erreur est survenue lors du traitement de votre carte. Veuillez réessayer.',
    authentication_failed: 'L’authentification auprès de votre banque a échoué.',
  },
  loadingPaymentMethods: 'Chargement de vos cartes enregistrées…',
  paymentMethods: 'Moyens de paiement',
  addPaymentMethod: 'Ajouter un moyen de paiement',
  noSavedCards: 'Aucune carte enregistrée pour l’instant.',
  setDefault: 'Définir par défaut',
  deleteCard: 'Supprimer',
  cardActions: (card) => `Actions pour ${card}`,
  deleteTitle: (card) => `Supprimer ${card} ?`,
  deleteDescription: 'Cette carte ne pourra plus être utilisée pour vos achats.',
  deleteDefaultDescription:
    'Il s’agit de votre carte par défaut. Choisissez la carte qui la remplacera.',
  chooseNewDefault: 'Nouvelle carte par défaut',
  confirmDelete: 'Supprimer la carte',
  saveCardButton: 'Enregistrer la carte',
  cardSaved: 'Carte enregistrée.',
  usageChart: 'Crédits utilisés au fil du temps',
  period: 'Période',
  periods: {
    last7: '7 derniers jours',
    last30: '30 derniers jours',
    last90: '90 derniers jours',
    thisMonth: 'Ce mois-ci',
    custom: 'Personnalisée',
  },
  periodFrom: 'Du',
  periodTo: 'Au',
  totalUsed: ({ formatted, plural }) =>
    `${credits(formatted, plural)} ${plural === 'one' ? 'utilisé' : 'utilisés'}`,
  changeVsPrevious: (percent) => `${percent} par rapport à la période précédente`,
  noPreviousUsage: 'Rien d’utilisé sur la période précédente',
  chartSummary: ({ formatted, plural }, topWebsite, busiest) =>
    [
      `${credits(formatted, plural)} ${plural === 'one' ? 'utilisé' : 'utilisés'} sur cette période.`,
      topWebsite ? `Surtout par ${topWebsite}.` : '',
      busiest ? `Pic : ${busiest}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  otherWebsites: 'Autres sites',
  purchased: 'Acheté',
  barLabel: (date, parts) => `${date} : ${parts}`,
  showTable: 'Afficher en tableau',
  showChart: 'Afficher en graphique',
  tablePeriod: 'Période',
  tableTotal: 'Total utilisé',
  exportChartCsv: 'Exporter en CSV',
  loadingChart: 'Chargement de l’utilisation…',
  noUsageInPeriod: 'Aucun crédit utilisé sur cette période.',
  selected: (website) => `Uniquement ${website}`,
  clearSelection: 'Afficher tous les sites',
};
