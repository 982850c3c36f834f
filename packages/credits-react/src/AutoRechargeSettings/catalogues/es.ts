import type { AutoRechargeLabels } from '../autoRechargeLabels.js';

/** Español. */
export const labels: AutoRechargeLabels = {
  title: 'Recarga automática',
  enable: 'Recargar automáticamente',
  threshold: 'Cuando los créditos bajen de',
  thresholdHint: 'Un número entero de créditos',
  package: 'Comprar',
  packageOption: (credits, price) => `${credits} créditos por ${price}`,
  monthlyCap: 'Límite mensual',
  capHint: ({ formatted, plural }) =>
    `Hasta ${formatted} ${plural === 'one' ? 'recarga' : 'recargas'} al mes`,
  card: 'Cobrar a',
  defaultCard: 'Tarjeta predeterminada',
  expired: 'caducada',
  save: 'Guardar',
  saving: 'Guardando…',
  saved: 'Guardado',
  statusOn: (spent, cap) => `Recarga automática activada · ${spent} de ${cap} este mes`,
  statusOff: 'Recarga automática desactivada',
  statusNeedsAction: 'La recarga automática necesita tu acción: confirma el último pago',
  completePayment: 'Completar el pago',
  statusCapReached: (cap) => `Recarga automática en pausa: límite mensual de ${cap} alcanzado`,
  statusDisabled: {
    repeated_failures: 'Recarga automática desactivada tras 3 pagos fallidos',
    card_removed: 'Recarga automática desactivada: se eliminó la tarjeta que cobraba',
    card_expired: 'Recarga automática desactivada: la tarjeta que cobraba ha caducado',
  },
  lastDeclined: 'La última recarga fue rechazada.',
  issues: {
    not_positive_integer: 'Introduce un número entero de créditos, 1 o más.',
    unknown_package: 'Elige un paquete.',
    not_positive: 'Introduce un límite mayor que cero.',
    currency_mismatch: 'El límite debe estar en la moneda del paquete.',
    below_package_price: 'El límite debe cubrir al menos un paquete.',
    unknown_payment_method: 'Elige una de tus tarjetas guardadas.',
    expired_payment_method: 'Esta tarjeta ha caducado. Elige otra tarjeta.',
    payment_method_required:
      'Primero añade una tarjeta: la recarga automática necesita una tarjeta guardada y válida.',
  },
};
