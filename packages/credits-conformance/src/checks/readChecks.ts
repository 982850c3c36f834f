import {
  balanceSchema,
  CONTRACT_VERSION,
  configSchema,
  creditPackageListSchema,
  paymentMethodListSchema,
  usageByWebsiteSchema,
} from 'credits-core';
import { ensure } from '../CheckFailure.js';
import type { Check } from '../createCheckContext.js';

/** Reads whose answers mean something on any account: they run first. */
export const readChecks: Check[] = [
  {
    id: 'config.schema',
    title: 'GET /config matches the contract, of the major version this kit checks',
    async run(context) {
      const response = await context.http('GET', '/config');
      const config = context.parse(configSchema, response, 'GET /config');
      const major = CONTRACT_VERSION.split('.')[0];
      ensure(
        config.apiVersion.split('.')[0] === major,
        `apiVersion is "${config.apiVersion}": this kit checks contract ${CONTRACT_VERSION}, and a client of major ${major} cannot use another major`,
        response,
      );
      ensure(
        config.limits.defaultPageSize <= config.limits.maxPageSize,
        'defaultPageSize exceeds maxPageSize',
        response,
      );
    },
  },
  {
    id: 'balance.schema',
    title: 'GET /balance matches the contract (whole credits, available = total − used)',
    async run(context) {
      const response = await context.http('GET', '/balance');
      const balance = context.parse(balanceSchema, response, 'GET /balance');
      ensure(
        balance.available >= 0 || balance.overdraftAllowed,
        'available is negative but overdraftAllowed is false',
        response,
      );
    },
  },
  {
    id: 'usage.schema',
    title: 'GET /usage/websites matches the contract and adds up',
    async run(context) {
      const response = await context.http('GET', '/usage/websites');
      const usage = context.parse(usageByWebsiteSchema, response, 'GET /usage/websites');
      const sum = usage.data.reduce((total, entry) => total + entry.credits, 0);
      ensure(
        sum === usage.totalCredits,
        `totalCredits is ${usage.totalCredits} but the entries add up to ${sum}`,
        response,
      );
    },
  },
  {
    id: 'packages.schema',
    title: 'GET /packages matches the contract (integer minor units, ISO 4217)',
    async run(context) {
      const response = await context.http('GET', '/packages');
      const list = context.parse(creditPackageListSchema, response, 'GET /packages');
      ensure(list.data.length > 0, 'no packages on sale', response);
    },
  },
  {
    id: 'paymentMethods.schema',
    title: 'GET /payment-methods matches the contract with exactly one default',
    async run(context) {
      const response = await context.http('GET', '/payment-methods');
      const list = context.parse(paymentMethodListSchema, response, 'GET /payment-methods');
      const defaults = list.data.filter((method) => method.isDefault).length;
      ensure(
        list.data.length === 0 || defaults === 1,
        `${defaults} default payment methods among ${list.data.length}`,
        response,
      );
    },
  },
];
