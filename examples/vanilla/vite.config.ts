import { defineConfig } from 'vite';

const api = process.env.CREDITS_API ?? 'http://127.0.0.1:8787';

export default defineConfig({
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5174), proxy: { '/api': api } },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4174), proxy: { '/api': api } },
});
