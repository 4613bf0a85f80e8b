/**
 * Vite configuration of the Civitas web front end (a single-page app in `web/`).
 * The server serves the built files from `dist/web` and `index.html` for every non-API path;
 * in development Vite proxies the API to the server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const apiTarget = process.env.CIVITAS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fromHere('./web'),
  publicDir: fromHere('./web/public'),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Every asset becomes a file: no data: URIs, so a strict Content-Security-Policy needs no exceptions.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: [fromHere('./node_modules/@uswds/uswds/packages')],
        quietDeps: true,
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/open311': apiTarget,
    },
  },
  preview: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/open311': apiTarget,
    },
  },
});
