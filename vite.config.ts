import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web front end (src/web) is built into dist/web; the Fastify server serves it with an SPA
// fallback and answers /api itself. In development `npx vite` proxies /api to the server.
export default defineConfig(({ command }) => ({
  root: 'src/web',
  plugins: [react()],
  resolve: {
    alias:
      command === 'build'
        ? [
            // react-router's package exports always point at its development build (dev-only
            // warnings included); the production build it ships beside it is smaller.
            {
              find: /^react-router$/,
              replacement: fileURLToPath(
                new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
              ),
            },
          ]
        : [],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
}));
