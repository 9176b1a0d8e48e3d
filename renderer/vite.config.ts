import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page runs under a strict CSP (script-src 'self', style-src 'self'): everything must be
// an external file, so no inlined scripts, styles or module-preload polyfill.
export default defineConfig({
  // This folder, wherever Vite is started from.
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: false,
    reportCompressedSize: true,
  },
});
