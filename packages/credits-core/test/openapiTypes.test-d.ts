import type * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type * as schemas from '../src/schemas/index';
import type { components } from './openapiTypes.generated';

/**
 * openapi-typescript's reading of our document (a third party's) against the client's own
 * types. `Wire` is what a backend may send (valibot's input type: optional fields may be
 * missing); `Parsed` is what the client hands on after validation (defaults filled in).
 * The two readings must be mutually assignable, and everything the client produces must be
 * a valid answer by the document.
 */
type Generated = components['schemas'];
type Wire<TSchema extends v.GenericSchema> = v.InferInput<TSchema>;
type Parsed<TSchema extends v.GenericSchema> = v.InferOutput<TSchema>;

/** `true`, or which direction fails. */
type Agree<TGenerated, TSchema extends v.GenericSchema> = [TGenerated] extends [Wire<TSchema>]
  ? [Wire<TSchema>] extends [TGenerated]
    ? [Parsed<TSchema>] extends [TGenerated]
      ? true
      : 'the client’s parsed value is not valid by the generated type'
    : 'the client accepts what the generated type refuses'
  : 'the generated type allows what the client refuses';

describe('openapi-typescript’s types of openapi.json and the client’s agree', () => {
  test('responses', () => {
    expectTypeOf<Agree<Generated['Config'], typeof schemas.configSchema>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<Generated['Limits'], typeof schemas.limitsSchema>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<Generated['Money'], typeof schemas.moneySchema>>().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['ExpiringGrant'], typeof schemas.expiringGrantSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<Agree<Generated['Balance'], typeof schemas.balanceSchema>>().toEqualTypeOf<true>();
    expectTypeOf<Agree<Generated['Website'], typeof schemas.websiteSchema>>().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['Transaction'], typeof schemas.transactionSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['TransactionPage'], typeof schemas.transactionPageSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['WebsiteUsage'], typeof schemas.websiteUsageSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['UsageByWebsite'], typeof schemas.usageByWebsiteSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['CreditPackage'], typeof schemas.creditPackageSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['CreditPackageList'], typeof schemas.creditPackageListSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['PaymentFailure'], typeof schemas.paymentFailureSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['Purchase'], typeof schemas.purchaseSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['CardDetails'], typeof schemas.cardDetailsSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['PaymentMethod'], typeof schemas.paymentMethodSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['PaymentMethodList'], typeof schemas.paymentMethodListSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['SetupIntent'], typeof schemas.setupIntentSchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<Agree<Generated['Problem'], typeof schemas.problemSchema>>().toEqualTypeOf<true>();
  });

  test('request bodies', () => {
    expectTypeOf<
      Agree<Generated['CreatePurchaseBody'], typeof schemas.createPurchaseBodySchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['SandboxConfirmBody'], typeof schemas.sandboxConfirmBodySchema>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Agree<Generated['SandboxAuthenticateBody'], typeof schemas.sandboxAuthenticateBodySchema>
    >().toEqualTypeOf<true>();
  });

  test('fields with a default are optional on the wire and filled in by the client', () => {
    expectTypeOf<Generated['Balance']>().toHaveProperty('overdraftAllowed');
    expectTypeOf<{ total: 0; used: 0; available: 0; updatedAt: '' }>().toExtend<
      Generated['Balance']
    >();
    expectTypeOf<{ title: ''; status: 400; code: '' }>().toExtend<Generated['Problem']>();
    expectTypeOf<
      Parsed<typeof schemas.balanceSchema>['overdraftAllowed']
    >().toEqualTypeOf<boolean>();
    expectTypeOf<Parsed<typeof schemas.problemSchema>['type']>().toEqualTypeOf<string>();
  });
});

describe('the agreement check can fail', () => {
  test('on a field the generated type requires and the client treats as optional', () => {
    type Required = Generated['Balance'] & { overdraftAllowed: boolean };
    // @ts-expect-error the planted mismatch (a default read as "always present") is reported
    expectTypeOf<Agree<Required, typeof schemas.balanceSchema>>().toEqualTypeOf<true>();
  });

  test('on a pattern-free field the client narrows', () => {
    type Looser = Omit<Generated['Config'], 'mode'> & { mode: string };
    // @ts-expect-error `mode` is a closed enum in the client
    expectTypeOf<Agree<Looser, typeof schemas.configSchema>>().toEqualTypeOf<true>();
  });
});
