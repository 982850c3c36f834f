import type { NextConfig } from 'next';

/** The browser calls the credits API on the same origin; Next forwards it to the backend. */
const api = process.env.CREDITS_API_URL ?? 'http://127.0.0.1:8787';

const config: NextConfig = {
  async rewrites() {
    return [{ source: '/api/credits/:path*', destination: `${api}/api/credits/:path*` }];
  },
};

export default config;
