import { randomBytes } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { hostSession } from '../vite-app/hostSession';

export default defineConfig({
  // The same dashboard signs in the same way (GET /session); credits-msw takes any token, so
  // the secret only has to exist.
  plugins: [
    react(),
    hostSession(process.env.CREDITS_JWT_SECRET ?? randomBytes(32).toString('hex')),
  ],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5175) },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4175) },
});
