import type { AutoRechargeLabels } from '../autoRechargeLabels.js';

/** Português (Brasil). */
export const labels: AutoRechargeLabels = {
  title: 'Recarga automática',
  enable: 'Recarregar automaticamente',
  threshold: 'Quando os créditos ficarem abaixo de',
  thresholdHint: 'Um número inteiro de créditos',
  package: 'Comprar',
  packageOption: (credits, price) => `${credits} créditos por ${price}`,
  monthlyCap: 'Limite mensal',
  capHint: ({ formatted, plural }) =>
    `Até ${formatted} ${plural === 'one' ? 'recarga' : 'recargas'} por mês`,
  card: 'Cobrar no',
  defaultCard: 'Cartão padrão',
  expired: 'vencido',
  save: 'Salvar',
  saving: 'Salvando…',
  saved: 'Salvo',
  statusOn: (spent, cap) => `Recarga automática ativada · ${spent} de ${cap} neste mês`,
  statusOff: 'Recarga automática desativada',
  statusNeedsAction: 'A recarga automática precisa da sua ação: confirme o último pagamento',
  completePayment: 'Concluir pagamento',
  statusCapReached: (cap) => `Recarga automática pausada: limite mensal de ${cap} atingido`,
  statusDisabled: {
    repeated_failures: 'Recarga automática desativada após 3 pagamentos com falha',
    card_removed: 'Recarga automática desativada: o cartão cobrado foi removido',
    card_expired: 'Recarga automática desativada: o cartão cobrado venceu',
  },
  lastDeclined: 'A última recarga foi recusada.',
  issues: {
    not_positive_integer: 'Digite um número inteiro de créditos, 1 ou mais.',
    unknown_package: 'Escolha um pacote.',
    not_positive: 'Digite um limite maior que zero.',
    currency_mismatch: 'O limite precisa estar na moeda do pacote.',
    below_package_price: 'O limite precisa cobrir pelo menos um pacote.',
    unknown_payment_method: 'Escolha um dos seus cartões salvos.',
    expired_payment_method: 'Este cartão venceu. Escolha outro cartão.',
    payment_method_required:
      'Adicione um cartão primeiro: a recarga automática precisa de um cartão salvo e válido.',
  },
};
