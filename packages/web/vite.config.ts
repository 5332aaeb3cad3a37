import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress.ts';

const api = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';

/** Production: `vite build` writes dist/, which the server serves. Development: `vite` proxies the API. */
export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/api': { target: api, ws: true, changeOrigin: false },
    },
  },
});
