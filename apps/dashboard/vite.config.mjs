// The web dashboard: built into dist/apps/dashboard, which the gateway serves at `/`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@shopfloor/client': here('../../libs/client/src/index.ts') } },
  build: {
    outDir: here('../../dist/apps/dashboard'),
    emptyOutDir: true,
    // The gateway's policy allows scripts of its own origin only: no inline preload helper.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  // `npx nx run dashboard:serve` against a gateway on :3000.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
