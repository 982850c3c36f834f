import type { AutoRechargeLabels } from '../autoRechargeLabels.js';

/** Deutsch. */
export const labels: AutoRechargeLabels = {
  title: 'Automatisch aufladen',
  enable: 'Automatisch aufladen',
  threshold: 'Wenn das Guthaben unter',
  thresholdHint: 'Eine ganze Zahl von Credits',
  package: 'Kaufen',
  packageOption: (credits, price) => `${credits} Credits für ${price}`,
  monthlyCap: 'Monatliches Limit',
  capHint: ({ formatted, plural }) =>
    `Bis zu ${formatted} ${plural === 'one' ? 'Aufladung' : 'Aufladungen'} im Monat`,
  card: 'Belasten',
  defaultCard: 'Standardkarte',
  expired: 'abgelaufen',
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  saved: 'Gespeichert',
  statusOn: (spent, cap) => `Automatisch aufladen an · ${spent} von ${cap} diesen Monat`,
  statusOff: 'Automatisch aufladen aus',
  statusNeedsAction: 'Automatisch aufladen: Bitte bestätigen Sie die letzte Zahlung',
  completePayment: 'Zahlung abschließen',
  statusCapReached: (cap) => `Automatisch aufladen pausiert: Monatslimit von ${cap} erreicht`,
  statusDisabled: {
    repeated_failures: 'Automatisch aufladen aus nach 3 fehlgeschlagenen Zahlungen',
    card_removed: 'Automatisch aufladen aus: Die belastete Karte wurde entfernt',
    card_expired: 'Automatisch aufladen aus: Die belastete Karte ist abgelaufen',
  },
  lastDeclined: 'Die letzte Aufladung wurde abgelehnt.',
  issues: {
    not_positive_integer: 'Geben Sie eine ganze Zahl von Credits ein, mindestens 1.',
    unknown_package: 'Wählen Sie ein Paket.',
    not_positive: 'Geben Sie ein Limit über null ein.',
    currency_mismatch: 'Das Limit muss in der Währung des Pakets sein.',
    below_package_price: 'Das Limit muss mindestens ein Paket abdecken.',
    unknown_payment_method: 'Wählen Sie eine Ihrer gespeicherten Karten.',
    expired_payment_method: 'Diese Karte ist abgelaufen. Wählen Sie eine andere Karte.',
    payment_method_required:
      'Fügen Sie zuerst eine Karte hinzu: Automatisches Aufladen braucht eine gespeicherte, gültige Karte.',
  },
};
