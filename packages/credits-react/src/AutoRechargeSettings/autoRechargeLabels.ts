import type { AutoRechargeIssue } from 'credits-core/auto-recharge';

/** AutoRechargeSettings' strings. Functions take values already formatted for the locale. */
export interface AutoRechargeLabels {
  title: string;
  enable: string;
  threshold: string;
  thresholdHint: string;
  package: string;
  packageOption: (credits: string, price: string) => string;
  monthlyCap: string;
  capHint: (count: number) => string;
  card: string;
  defaultCard: string;
  expired: string;
  save: string;
  saving: string;
  saved: string;
  statusOn: (spent: string, cap: string) => string;
  statusOff: string;
  statusNeedsAction: string;
  statusCapReached: (cap: string) => string;
  statusDisabled: Record<'repeated_failures' | 'card_removed' | 'card_expired', string>;
  lastDeclined: string;
  issues: Record<AutoRechargeIssue['code'], string>;
}

const en: AutoRechargeLabels = {
  title: 'Auto-recharge',
  enable: 'Top up automatically',
  threshold: 'When credits fall below',
  thresholdHint: 'A whole number of credits',
  package: 'Buy',
  packageOption: (credits, price) => `${credits} credits for ${price}`,
  monthlyCap: 'Monthly limit',
  capHint: (count) =>
    count === 1 ? 'Up to 1 recharge a month' : `Up to ${count} recharges a month`,
  card: 'Charge',
  defaultCard: 'Default card',
  expired: 'expired',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  statusOn: (spent, cap) => `Auto-recharge on · ${spent} of ${cap} this month`,
  statusOff: 'Auto-recharge off',
  statusNeedsAction: 'Auto-recharge needs your action: confirm the last payment',
  statusCapReached: (cap) => `Monthly limit of ${cap} reached`,
  statusDisabled: {
    repeated_failures: 'Off after 3 failed payments',
    card_removed: 'Off: the card it charged was removed',
    card_expired: 'Off: the card it charged has expired',
  },
  lastDeclined: 'The last recharge was declined.',
  issues: {
    not_positive_integer: 'Enter a whole number of credits, 1 or more.',
    unknown_package: 'Choose a package.',
    not_positive: 'Enter a limit above zero.',
    currency_mismatch: 'The limit must be in the package’s currency.',
    below_package_price: 'The limit must cover at least one package.',
    unknown_payment_method: 'Choose one of your saved cards.',
    expired_payment_method: 'This card has expired. Choose another card.',
    payment_method_required: 'Add a card first: auto-recharge needs a saved, valid card.',
  },
};

const de: Partial<AutoRechargeLabels> = {
  title: 'Automatisch aufladen',
  enable: 'Automatisch aufladen',
  threshold: 'Wenn das Guthaben unter',
  thresholdHint: 'Eine ganze Zahl von Credits',
  package: 'Kaufen',
  packageOption: (credits, price) => `${credits} Credits für ${price}`,
  monthlyCap: 'Monatliches Limit',
  capHint: (count) =>
    count === 1 ? 'Bis zu 1 Aufladung im Monat' : `Bis zu ${count} Aufladungen im Monat`,
  card: 'Belasten',
  defaultCard: 'Standardkarte',
  expired: 'abgelaufen',
  save: 'Speichern',
  saving: 'Wird gespeichert…',
  saved: 'Gespeichert',
  statusOn: (spent, cap) => `Automatisch aufladen an · ${spent} von ${cap} diesen Monat`,
  statusOff: 'Automatisch aufladen aus',
  statusNeedsAction: 'Bitte bestätigen Sie die letzte Zahlung',
  statusCapReached: (cap) => `Monatslimit von ${cap} erreicht`,
  statusDisabled: {
    repeated_failures: 'Aus nach 3 fehlgeschlagenen Zahlungen',
    card_removed: 'Aus: Die belastete Karte wurde entfernt',
    card_expired: 'Aus: Die belastete Karte ist abgelaufen',
  },
  lastDeclined: 'Die letzte Aufladung wurde abgelehnt.',
};

const ja: Partial<AutoRechargeLabels> = {
  title: '自動チャージ',
  enable: '自動でチャージする',
  threshold: 'クレジットがこれを下回ったら',
  thresholdHint: 'クレジット数（整数）',
  package: '購入するパッケージ',
  packageOption: (credits, price) => `${credits} クレジット（${price}）`,
  monthlyCap: '月の上限',
  capHint: (count) => `月に最大 ${count} 回チャージ`,
  card: '支払いカード',
  defaultCard: 'デフォルトのカード',
  expired: '有効期限切れ',
  save: '保存',
  saving: '保存中…',
  saved: '保存しました',
  statusOn: (spent, cap) => `自動チャージ オン · 今月 ${cap} のうち ${spent}`,
  statusOff: '自動チャージ オフ',
  statusNeedsAction: '最後の支払いの確認が必要です',
  statusCapReached: (cap) => `月の上限 ${cap} に達しました`,
  statusDisabled: {
    repeated_failures: '支払いが3回失敗したためオフになりました',
    card_removed: 'カードが削除されたためオフになりました',
    card_expired: 'カードの有効期限が切れたためオフになりました',
  },
  lastDeclined: '前回のチャージは拒否されました。',
};

const ar: Partial<AutoRechargeLabels> = {
  title: 'إعادة الشحن التلقائي',
  enable: 'اشحن تلقائيًا',
  threshold: 'عندما ينخفض الرصيد عن',
  thresholdHint: 'عدد صحيح من الأرصدة',
  package: 'شراء',
  packageOption: (credits, price) => `${credits} رصيد مقابل ${price}`,
  monthlyCap: 'الحد الشهري',
  capHint: (count) => `حتى ${count} عمليات شحن شهريًا`,
  card: 'الدفع من',
  defaultCard: 'البطاقة الافتراضية',
  expired: 'منتهية الصلاحية',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  saved: 'تم الحفظ',
  statusOn: (spent, cap) => `الشحن التلقائي مفعّل · ${spent} من ${cap} هذا الشهر`,
  statusOff: 'الشحن التلقائي متوقف',
  statusNeedsAction: 'يلزم تأكيد آخر عملية دفع',
  statusCapReached: (cap) => `تم بلوغ الحد الشهري ${cap}`,
  statusDisabled: {
    repeated_failures: 'متوقف بعد 3 محاولات دفع فاشلة',
    card_removed: 'متوقف: أُزيلت البطاقة',
    card_expired: 'متوقف: انتهت صلاحية البطاقة',
  },
  lastDeclined: 'رُفضت آخر عملية شحن.',
};

const translations: Record<string, Partial<AutoRechargeLabels>> = { de, ja, ar };

/** The widget's strings for `locale` (its language), English where a translation has none. */
export function autoRechargeLabels(locale: string | undefined): AutoRechargeLabels {
  const language = (locale ?? 'en').split('-')[0]!.toLowerCase();
  return { ...en, ...translations[language] };
}
