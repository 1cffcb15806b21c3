import { defineConfig } from 'vite';

/** The demo storefront: built into web/dist, which Attune serves at `/` in demo mode. */
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    // `npx vite web` during development, against a running Attune.
    proxy: { '/v1': 'http://localhost:8080', '/demo': 'http://localhost:8080' },
  },
});
