import type { AutoRechargeLabels } from '../autoRechargeLabels.js';

/** 日本語. */
export const labels: AutoRechargeLabels = {
  title: '自動チャージ',
  enable: '自動でチャージする',
  threshold: 'クレジットがこれを下回ったら',
  thresholdHint: 'クレジット数（整数）',
  package: '購入するパッケージ',
  packageOption: (credits, price) => `${credits} クレジット（${price}）`,
  monthlyCap: '月の上限',
  capHint: ({ formatted }) => `月に最大 ${formatted} 回チャージ`,
  card: '支払いカード',
  defaultCard: 'デフォルトのカード',
  expired: '有効期限切れ',
  save: '保存',
  saving: '保存中…',
  saved: '保存しました',
  statusOn: (spent, cap) => `自動チャージ オン · 今月 ${cap} のうち ${spent}`,
  statusOff: '自動チャージ オフ',
  statusNeedsAction: '自動チャージ：最後の支払いの確認が必要です',
  completePayment: '支払いを完了する',
  statusCapReached: (cap) => `自動チャージ停止中：月の上限 ${cap} に達しました`,
  statusDisabled: {
    repeated_failures: '支払いが3回失敗したため自動チャージはオフになりました',
    card_removed: 'カードが削除されたため自動チャージはオフになりました',
    card_expired: 'カードの有効期限が切れたため自動チャージはオフになりました',
  },
  lastDeclined: '前回のチャージは拒否されました。',
  issues: {
    not_positive_integer: '1 以上の整数でクレジット数を入力してください。',
    unknown_package: 'パッケージを選んでください。',
    not_positive: '0 より大きい上限を入力してください。',
    currency_mismatch: '上限はパッケージの通貨で指定してください。',
    below_package_price: '上限はパッケージ 1 つ分以上にしてください。',
    unknown_payment_method: '保存済みのカードから選んでください。',
    expired_payment_method: 'このカードは有効期限切れです。別のカードを選んでください。',
    payment_method_required:
      '先にカードを追加してください。自動チャージには有効な保存済みカードが必要です。',
  },
};
