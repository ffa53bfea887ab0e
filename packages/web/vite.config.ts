// The web app's build: React, one entry, heavy pages and charts split into chunks loaded on demand.
// In development `/api` is proxied to a running `jixiao serve` (JIXIAO_API, default http://localhost:3000).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env['JIXIAO_API'] ?? 'http://localhost:3000' },
  },
});
