import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer only: shared/ is bundled in, nothing Node-side ever is (better-sqlite3 stays out).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: false },
});
