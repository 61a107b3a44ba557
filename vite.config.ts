import { defineConfig } from 'vite';
import { lectureDeck } from './src/pipeline/vite-plugin.ts';

/**
 * The deck: index.html + src/deck (runtime) + slides/ turned into reveal.js sections at build
 * time. `SLIDES_DIR=tests/fixtures/pipeline/deck-mini npm run dev` shows a fixture deck instead.
 */
export default defineConfig({
  // Relative asset URLs: the built deck also opens from a sub-path or a file.
  base: './',
  plugins: [lectureDeck({ slidesDir: process.env['SLIDES_DIR'] || 'slides' })],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Fonts stay separate files (cached, not base64 in the CSS).
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
