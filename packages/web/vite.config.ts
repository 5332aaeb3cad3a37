import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';

/** Production: `vite build` writes dist/ (then `scripts/precompress.ts` its .br/.gz), which the server serves. Development: `vite` proxies the API. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/api': { target: api, ws: true, changeOrigin: false },
    },
  },
});
