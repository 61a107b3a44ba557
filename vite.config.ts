import { defineConfig } from 'vite';
import { subsetFonts } from './src/pipeline/font-subset.ts';
import { installableSite } from './src/pipeline/pwa.ts';
import { singleFileLecture } from './src/pipeline/single-file.ts';
import { lectureDeck } from './src/pipeline/vite-plugin.ts';

/**
 * The deck: index.html + src/main.ts (the runtime: src/deck, or src/reading for `?view=`) +
 * slides/ turned into reveal.js sections at build time.
 * `SLIDES_DIR=tests/fixtures/pipeline/deck-mini npm run dev` shows a fixture deck instead.
 * Two builds: `vite build` → dist/, an installable site with a service worker (src/pipeline/pwa.ts);
 * `vite build --mode single` → dist-single/index.html, one file with everything inlined
 * (src/pipeline/single-file.ts) that opens from disk.
 */
export default defineConfig(({ command, mode }) => {
  const single = mode === 'single';
  const deck = lectureDeck({ slidesDir: process.env['SLIDES_DIR'] || 'slides' });
  return {
    // Relative asset URLs: the built deck also opens from a sub-path or a file.
    base: './',
    plugins: single
      ? [
          deck,
          // Fonts cut to the lecture's glyphs (src/pipeline/font-subset.ts) in both builds.
          subsetFonts(),
          singleFileLecture(),
        ]
      : [deck, subsetFonts(), installableSite()],
    // The site's build registers its service worker; dev and the one file never do.
    define: { __DECK_SERVICE_WORKER__: JSON.stringify(command === 'build' && !single) },
    // Icons and the manifest's pictures belong to the site; the one file needs none.
    publicDir: single ? false : 'public',
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: {
      outDir: single ? 'dist-single' : 'dist',
      target: 'es2022',
      // Fonts stay separate files in the site (cached, not base64 in the CSS); the one file
      // inlines them (src/pipeline/single-file.ts sets its own limit).
      assetsInlineLimit: 0,
      reportCompressedSize: !single,
    },
  };
});
