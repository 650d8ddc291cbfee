import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The browser imports the server's ID formats (@satupintu/forms/formats) so both validate alike,
// and @satupintu/core as it is: core imports nothing from Node (a unit test holds it to that).
export default defineConfig({
  plugins: [
    react(),
    // Brotli (quality 11) and gzip (level 9) written next to each asset at build time, once: the
    // server picks one by Accept-Encoding (http/web.ts) and never compresses an asset per request.
    compression({
      include: /\.(js|mjs|css|svg|json|txt|ico|webmanifest)$/,
      threshold: 512,
      algorithms: [defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      logLevel: 'silent',
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    // `npm run dev -w @satupintu/web` with the platform on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/realms': 'http://127.0.0.1:3000', '/config.json': 'http://127.0.0.1:3000' },
  },
});
