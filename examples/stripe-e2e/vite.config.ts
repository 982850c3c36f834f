import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The Stripe-path test host (test/stripe.e2e.test.ts). The widgets reach credits-server
 * through the preview server's proxy (`CREDITS_API`); Stripe.js's stand-in reaches the Stripe API
 * stand-in directly, cross-origin, as Stripe.js reaches api.stripe.com (`VITE_STRIPE_API`).
 */
export default defineConfig({
  plugins: [react()],
  ...(process.env.CSP_NONCE ? { html: { cspNonce: process.env.CSP_NONCE } } : {}),
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.CREDITS_API ?? 'http://127.0.0.1:8787' },
  },
});
