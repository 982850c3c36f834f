import type { AutoRechargeLabels } from '../autoRechargeLabels.js';

/** Français. */
export const labels: AutoRechargeLabels = {
  title: 'Recharge automatique',
  enable: 'Recharger automatiquement',
  threshold: 'Quand les crédits passent sous',
  thresholdHint: 'Un nombre entier de crédits',
  package: 'Acheter',
  packageOption: (credits, price) => `${credits} crédits pour ${price}`,
  monthlyCap: 'Plafond mensuel',
  capHint: ({ formatted, plural }) =>
    `Jusqu’à ${formatted} ${plural === 'one' ? 'recharge' : 'recharges'} par mois`,
  card: 'Débiter',
  defaultCard: 'Carte par défaut',
  expired: 'expirée',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Enregistré',
  statusOn: (spent, cap) => `Recharge automatique activée · ${spent} sur ${cap} ce mois-ci`,
  statusOff: 'Recharge automatique désactivée',
  statusNeedsAction: 'La recharge automatique attend votre action : confirmez le dernier paiement',
  completePayment: 'Finaliser le paiement',
  statusCapReached: (cap) => `Recharge automatique en pause : plafond mensuel de ${cap} atteint`,
  statusDisabled: {
    repeated_failures: 'Recharge automatique désactivée après 3 paiements refusés',
    card_removed: 'Recharge automatique désactivée : la carte débitée a été supprimée',
    card_expired: 'Recharge automatique désactivée : la carte débitée a expiré',
  },
  lastDeclined: 'La dernière recharge a été refusée.',
  issues: {
    not_positive_integer: 'Saisissez un nombre entier de crédits, 1 ou plus.',
    unknown_package: 'Choisissez un pack.',
    not_positive: 'Saisissez un plafond supérieur à zéro.',
    currency_mismatch: 'Le plafond doit être dans la devise du pack.',
    below_package_price: 'Le plafond doit couvrir au moins un pack.',
    unknown_payment_method: 'Choisissez l’une de vos cartes enregistrées.',
    expired_payment_method: 'Cette carte a expiré. Choisissez-en une autre.',
    payment_method_required:
      'Ajoutez d’abord une carte : la recharge automatique nécessite une carte enregistrée et valide.',
  },
};
