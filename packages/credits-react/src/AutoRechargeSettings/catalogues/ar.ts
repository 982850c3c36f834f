import type { AutoRechargeLabels } from '../autoRechargeLabels.js';

/** العربية: "عملية شحن" counted in each of Arabic's plural forms. */
const recharges: Record<Intl.LDMLPluralRule, (formatted: string) => string> = {
  zero: () => 'لا عمليات شحن شهريًا',
  one: () => 'حتى عملية شحن واحدة شهريًا',
  two: () => 'حتى عمليتي شحن شهريًا',
  few: (formatted) => `حتى ${formatted} عمليات شحن شهريًا`,
  many: (formatted) => `حتى ${formatted} عملية شحن شهريًا`,
  other: (formatted) => `حتى ${formatted} عملية شحن شهريًا`,
};

export const labels: AutoRechargeLabels = {
  title: 'إعادة الشحن التلقائي',
  enable: 'اشحن تلقائيًا',
  threshold: 'عندما ينخفض الرصيد عن',
  thresholdHint: 'عدد صحيح من الأرصدة',
  package: 'شراء',
  packageOption: (credits, price) => `${credits} رصيد مقابل ${price}`,
  monthlyCap: 'الحد الشهري',
  capHint: ({ formatted, plural }) => recharges[plural](formatted),
  card: 'الدفع من',
  defaultCard: 'البطاقة الافتراضية',
  expired: 'منتهية الصلاحية',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  saved: 'تم الحفظ',
  // The Arabic comma between the two facts: a middle dot reads as a zero in Arabic.
  statusOn: (spent, cap) => `الشحن التلقائي مفعّل، ${spent} من ${cap} هذا الشهر`,
  statusOff: 'الشحن التلقائي متوقف',
  statusNeedsAction: 'الشحن التلقائي يحتاج إلى إجراء منك: أكّد آخر عملية دفع',
  completePayment: 'إتمام الدفع',
  statusCapReached: (cap) => `الشحن التلقائي متوقف مؤقتًا: تم بلوغ الحد الشهري ${cap}`,
  statusDisabled: {
    repeated_failures: 'الشحن التلقائي متوقف بعد 3 محاولات دفع فاشلة',
    card_removed: 'الشحن التلقائي متوقف: أُزيلت البطاقة التي كان يدفع منها',
    card_expired: 'الشحن التلقائي متوقف: انتهت صلاحية البطاقة التي كان يدفع منها',
  },
  lastDeclined: 'رُفضت آخر عملية شحن.',
  issues: {
    not_positive_integer: 'أدخل عددًا صحيحًا من الأرصدة، 1 أو أكثر.',
    unknown_package: 'اختر باقة.',
    not_positive: 'أدخل حدًا أكبر من صفر.',
    currency_mismatch: 'يجب أن يكون الحد بعملة الباقة.',
    below_package_price: 'يجب أن يغطي الحد باقة واحدة على الأقل.',
    unknown_payment_method: 'اختر إحدى بطاقاتك المحفوظة.',
    expired_payment_method: 'انتهت صلاحية هذه البطاقة. اختر بطاقة أخرى.',
    payment_method_required: 'أضف بطاقة أولًا: يحتاج الشحن التلقائي إلى بطاقة محفوظة وصالحة.',
  },
};
