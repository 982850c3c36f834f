import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { hostGenerate } from './hostGenerate';
import { hostSession } from './hostSession';

/**
 * The app talks to credits-server through Vite's proxy, so the browser
 * sees one origin (no CORS). `CREDITS_API` points it elsewhere.
 */
const api = process.env.CREDITS_API ?? 'http://127.0.0.1:8787';

export default defineConfig({
  // The host's sign-in (GET /session answers a signed token for the demo user) and its metering
  // (POST /generate-website holds and captures credits with the Server API's secret key).
  plugins: [react(), hostSession(), hostGenerate()],
  // A host serving a Content-Security-Policy replaces this placeholder per request.
  ...(process.env.CSP_NONCE ? { html: { cspNonce: process.env.CSP_NONCE } } : {}),
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    strictPort: false,
    proxy: { '/api': api },
  },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), proxy: { '/api': api } },
});
