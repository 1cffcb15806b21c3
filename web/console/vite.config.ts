import { defineConfig } from 'vite';

/**
 * The merchant console: built into web/console/dist, which every node serves at `/console`. No key or
 * secret is built in: the page signs in with POST /v1/sessions and the browser keeps the cookie.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  // Preact's JSX runtime, without a plugin: esbuild compiles the TSX.
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 400 },
  server: {
    // `npx vite web/console` during development, against a running Attune.
    proxy: { '/v1': 'http://localhost:8080' },
  },
});
