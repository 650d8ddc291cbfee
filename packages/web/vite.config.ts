import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The browser imports the server's ID formats (@satupintu/forms/formats) so both validate alike;
// their one dependency on @satupintu/core (the province list) is served by a browser shim that
// reads the same CSV the server reads.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@satupintu/core': fileURLToPath(new URL('./src/shims/core.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    // `npm run dev -w @satupintu/web` with the platform on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/realms': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' },
  },
});
