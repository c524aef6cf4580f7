/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Relative asset URLs: the built app works from any sub-path (or a file server's folder).
  base: './',
  plugins: [
    react(),
    // A service worker (Workbox, generated at build time) precaches every built file, so the app
    // also opens and reloads offline once it has been loaded. A new version waits until every
    // podpath tab is closed ('prompt' without a prompt): a lesson in progress is never reloaded
    // under the learner. Scope and URLs follow the relative base, so this works from a sub-path.
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,txt}'],
        // Any navigation (`?present`, `?scenario=…`, a share link's `#s=…`) gets the app's page.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    rolldownOptions: {
      output: {
        // Vite 8 / Rolldown: `codeSplitting.groups` replaces Rollup's manualChunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z]+|zustand|classcat)[\\/]/ },
            {
              name: 'codemirror',
              test: /node_modules[\\/](@codemirror|@lezer|codemirror|crelt|style-mod|w3c-keyname)[\\/]/,
            },
            { name: 'yaml', test: /node_modules[\\/]yaml[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
