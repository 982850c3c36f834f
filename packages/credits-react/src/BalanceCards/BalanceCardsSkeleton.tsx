import { cn } from '../lib/cn.js';
import { balanceCard, balanceGrid } from './balanceCardClasses.js';

/** A placeholder line as tall as the text it stands for, so the cards keep their height. */
function Line({ height, width }: { height: string; width: string }) {
  return (
    <span className={cn('cr:flex cr:items-center', height)}>
      <span className={cn('credits-skeleton cr:h-3/5', width)} />
    </span>
  );
}

/**
 * The two cards every account has (balance, used), shaped like the loaded
 * ones: the same card box, a line per line of text and the usage bar, so the
 * page does not move when the numbers arrive.
 */
export function BalanceCardsSkeleton({ label }: { label: string }) {
  return (
    <div data-slot="balance-cards-skeleton" className={balanceGrid}>
      <p className="cr:sr-only">{label}</p>
      <div aria-hidden="true" className={balanceCard}>
        <Line height="cr:h-5" width="cr:w-28" />
        <Line height="cr:h-8" width="cr:w-40" />
        <Line height="cr:h-5" width="cr:w-24" />
      </div>
      <div aria-hidden="true" className={balanceCard}>
        <Line height="cr:h-5" width="cr:w-24" />
        <Line height="cr:h-8" width="cr:w-32" />
        <span className="cr:flex cr:flex-col cr:gap-2">
          <Line height="cr:h-5" width="cr:w-20" />
          <span className="credits-skeleton cr:h-2 cr:w-full cr:rounded-full" />
        </span>
      </div>
    </div>
  );
}
