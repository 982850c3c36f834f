import { type StripeStandIn, startStripeStandIn } from 'stripe-stand-in';
import { afterAll, beforeAll } from 'vitest';
import {
  type StartCreditsServerOptions,
  type StartedCreditsServer,
  startCreditsServer,
} from '../src/startCreditsServer';
import { standInSettings } from './stripeStandInSettings';

export interface ServerOnStandIn {
  /** The Stripe stand-in (once started). */
  readonly standIn: StripeStandIn;
  /** A credits-server in Stripe mode on it (once started). */
  readonly server: StartedCreditsServer;
}

/**
 * The Stripe stand-in and a credits-server in Stripe mode on it (`standInSettings`), started
 * before the calling file's tests and stopped after them; `options` are the server's other
 * settings.
 */
export function serverOnStandIn(
  options: Omit<StartCreditsServerOptions, 'stripeSettings'> = {},
): ServerOnStandIn {
  let standIn: StripeStandIn | undefined;
  let server: StartedCreditsServer | undefined;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    server = await startCreditsServer({ stripeSettings: standInSettings(standIn), ...options });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The stand-in is not started yet: use it in a test');
    return value;
  };
  return {
    get standIn() {
      return started(standIn);
    },
    get server() {
      return started(server);
    },
  };
}
