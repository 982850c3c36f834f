/** One balance card, shared by the cards and their loading skeleton so both have the same box. */
export const balanceCard =
  'credits-card cr:relative cr:flex cr:min-w-0 cr:flex-col cr:gap-1 cr:overflow-hidden';

/** Cards side by side while each gets 14rem, stacked below that: the container decides, not the viewport. */
export const balanceGrid =
  'cr:grid cr:gap-4 cr:grid-cols-[repeat(auto-fit,minmax(min(14rem,100%),1fr))]';
