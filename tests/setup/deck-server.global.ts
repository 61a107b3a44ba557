/**
 * Vitest global setup for the `browser` project: builds the deck once with Vite's build() API
 * into dist/ and serves it on a free 127.0.0.1 port; tests read the URL with inject('deckUrl').
 * SLIDES_DIR (e.g. tests/fixtures/pipeline/deck-mini) builds a fixture deck instead of slides/;
 * DECK_OUT_DIR builds elsewhere than dist/, so that two test runs at once do not clobber each other.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from './static-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const outDir = resolve(root, process.env['DECK_OUT_DIR'] ?? 'dist');
  await build({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  console.log(`[deck-server] vite build: ${Math.round(performance.now() - started)} ms`);
  const server = await serveStatic(outDir);
  project.provide('deckUrl', server.url);
  return () => server.close();
}
