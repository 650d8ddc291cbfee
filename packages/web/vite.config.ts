import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The browser imports the server's ID formats (@satupintu/forms/formats) so both validate alike,
// and @satupintu/core as it is: core imports nothing from Node (a unit test holds it to that).
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    // `npm run dev -w @satupintu/web` with the platform on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/realms': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' },
  },
});
