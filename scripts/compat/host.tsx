// A host app's view of the PUBLISHED types. run.mjs copies this file into each compat cell
// that type-checks, and smoke.mjs compiles it there with the cell's typescript, @types/react
// and msw: `tsc --noEmit --strict --skipLibCheck false --jsx react-jsx`, as an ES module and
// as CommonJS under node16 resolution, and with bundler resolution. Any diagnostic fails the
// cell: one in our .d.ts files (an undeclared name, a missing import) as much as one here.
//
// Every entry point is imported and its types are USED. The @ts-expect-error lines prove the
// types are real, not `any`: a directive with no error under it is itself an error (TS2578).
import { QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type Balance,
  type CreditsClient,
  CreditsError,
  createCreditsClient,
  formatCredits,
  isCreditsError,
  type Transaction,
} from 'credits-core';
import { exportTransactions, transactionsToCsv } from 'credits-core/export';
import {
  createPurchaseFlow,
  createSandboxPaymentProvider,
  type PurchaseFlowState,
} from 'credits-core/payments';
import {
  balanceQueryOptions,
  type CreditsQueryOptions,
  creditsKeys,
  dehydrateCredits,
  transactionsInfiniteQueryOptions,
} from 'credits-core/query';
import { SANDBOX_PACKAGES, type SandboxCard, sandboxCardForNumber } from 'credits-core/sandbox';
import { createCreditsBackend, createCreditsHandlers, type creditsScenarios } from 'credits-msw';
import { type CreditsServer, startCreditsServer } from 'credits-msw/node';
import {
  AddCreditsDialog,
  BalanceCards,
  CreditsProvider,
  type CreditsProviderProps,
  HistoryTable,
  PaymentMethods,
  UsageByWebsite,
  useBalance,
  useTransactions,
} from 'credits-react';
import { setupServer } from 'msw/node';

/** `true` only when A and B are the same type (the check vitest's `expectTypeOf` makes). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

// ─── credits-core ─────────────────────────────────────────────────────────────
const client: CreditsClient = createCreditsClient({ baseUrl: 'https://api.example.com/credits' });

export async function readBalance(): Promise<string> {
  try {
    const balance: Balance = await client.getBalance();
    return formatCredits(balance.available);
  } catch (error) {
    if (isCreditsError(error)) {
      assertType<Equal<typeof error, CreditsError>>();
      return error.code;
    }
    return error instanceof CreditsError ? 'unreachable' : String(error);
  }
}

// ─── credits-core/query with TanStack Query: the data type rides on the query key ──
export function BalanceLine() {
  const query = useQuery(balanceQueryOptions(client, 'acct_1'));
  const data: Balance | undefined = query.data;
  assertType<Equal<typeof query.data, Balance | undefined>>();
  // @ts-expect-error query.data is Balance | undefined, not a string
  const text: string | undefined = query.data;
  return <span>{data ? formatCredits(data.available) : text}</span>;
}

export function LatestTransaction() {
  const ledger = useInfiniteQuery(transactionsInfiniteQueryOptions(client, 'acct_1'));
  const first: Transaction | undefined = ledger.data?.pages[0]?.data[0];
  // @ts-expect-error a page's rows are Transaction objects, not numbers
  const amount: number | undefined = ledger.data?.pages[0]?.data[0];
  return <span>{first?.description ?? amount}</span>;
}

export async function serverSide(): Promise<unknown> {
  const queryClient = new QueryClient();
  const options: CreditsQueryOptions<readonly unknown[], Balance> = balanceQueryOptions(
    client,
    'acct_1',
  );
  await queryClient.prefetchQuery(options);
  const cached = queryClient.getQueryData(balanceQueryOptions(client, 'acct_1').queryKey);
  assertType<Equal<typeof cached, Balance | undefined>>();
  await queryClient.invalidateQueries({ queryKey: creditsKeys.account('acct_1') });
  return dehydrateCredits(queryClient, { client, account: 'acct_1', include: { balance: true } });
}

// ─── credits-core/payments, /sandbox, /export ─────────────────────────────────
export async function buyWithTestCard(): Promise<PurchaseFlowState['status']> {
  const card: SandboxCard | undefined = sandboxCardForNumber('4242 4242 4242 4242');
  // @ts-expect-error a card number is typed as a string
  sandboxCardForNumber(4242424242424242);
  const flow = createPurchaseFlow({ client, provider: createSandboxPaymentProvider(client) });
  await flow.pay(SANDBOX_PACKAGES[0]?.id ?? 'pkg_10k', {
    type: 'new',
    card: { token: card?.token ?? 'pm_card_visa' },
  });
  const state = flow.getSnapshot();
  if (state.status === 'declined') return state.purchase.credits > 0 ? 'declined' : 'error';
  // @ts-expect-error 'done' is not a purchase-flow status
  if (state.status === 'done') return 'idle';
  return state.status;
}

export async function downloadCsv(): Promise<string> {
  const csv: string = await exportTransactions({ client, pageSize: 100 });
  const page = await client.listTransactions({ limit: 10 });
  return `${csv}${transactionsToCsv(page.data, false)}`;
}

// ─── credits-react: provider, widgets with their parts, hooks ─────────────────
function Header() {
  const balance = useBalance();
  const ledger = useTransactions({ type: 'purchase' });
  const available: number | undefined = balance.data?.available;
  const rows: number | undefined = ledger.data?.pages.length;
  return <h1>{`${available ?? '…'} (${rows ?? 0} pages)`}</h1>;
}

const providerProps: Omit<CreditsProviderProps, 'children'> = {
  client,
  account: 'acct_1',
  locale: 'en-US',
  theme: 'dark',
};

export function CreditsPage() {
  return (
    <CreditsProvider client={client} account="acct_1">
      <Header />
      <BalanceCards />
      <AddCreditsDialog onPurchaseComplete={(purchase) => purchase.credits}>
        <AddCreditsDialog.Trigger />
      </AddCreditsDialog>
      <HistoryTable pageSize={25}>
        <HistoryTable.Filters />
        <HistoryTable.Table />
        <HistoryTable.ExportButton />
      </HistoryTable>
      <PaymentMethods />
      <UsageByWebsite limit={3} />
    </CreditsProvider>
  );
}

export function ThemedPage() {
  return (
    <CreditsProvider {...providerProps}>
      <BalanceCards
        notation="compact"
        addCreditsAction={<AddCreditsDialog.Trigger className="btn" />}
      />
    </CreditsProvider>
  );
}

export function MissingAccount() {
  // @ts-expect-error <CreditsProvider> needs an account
  return <CreditsProvider client={client} />;
}

// ─── credits-msw and credits-msw/node with the host's msw ─────────────────────
export async function mockBackend(): Promise<CreditsServer> {
  const backend = createCreditsBackend();
  const server = setupServer(...createCreditsHandlers({ backend, scenario: 'lowBalance' }));
  server.listen();
  server.close();
  // @ts-expect-error not one of creditsScenarios
  createCreditsHandlers({ scenario: 'no-such-scenario' });
  const scenario: keyof typeof creditsScenarios = 'empty';
  return startCreditsServer({ handlers: createCreditsHandlers({ backend, scenario }) });
}
