/**
 * A build of a deck with a broken slide stops with the slide's error, once, and nothing else: no
 * precache message from the PWA plugin and no file in the out dir (not even a service worker).
 * A good deck still gets its service worker.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createLogger, type Logger } from 'vite';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const BROKEN_DECK = 'tests/fixtures/pipeline/parse-missing-title';
const GOOD_DECK = 'tests/fixtures/pipeline/deck-mini';

/** A Vite logger that keeps every line it is asked to print. */
function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('info', { allowClearScreen: false });
  for (const level of ['info', 'warn', 'warnOnce', 'error'] as const) {
    logger[level] = (message: string): void => void lines.push(message);
  }
  return { logger, lines };
}

/** Builds `slidesDir` into `outDir` with the repo's config; returns the error and what was printed. */
async function buildDeck(
  slidesDir: string,
  outDir: string,
): Promise<{ error: unknown; printed: string }> {
  vi.stubEnv('SLIDES_DIR', slidesDir);
  const printed: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
  }
  const { logger, lines } = recordingLogger();
  let error: unknown;
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      customLogger: logger,
      build: { outDir, emptyOutDir: true },
    });
  } catch (caught) {
    error = caught;
  }
  return { error, printed: [...printed, ...lines].join('\n') };
}

describe('deck build', () => {
  const temp = mkdtempSync(join(tmpdir(), 'deck-build-'));
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('with a broken slide rejects with its error once, writes nothing and says nothing of precache', async () => {
    const outDir = join(temp, 'broken');
    const { error, printed } = await buildDeck(BROKEN_DECK, outDir);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/parse-missing-title\/01-intro\.md:1: front-matter misses "title:"/);
    expect(message.match(/front-matter misses/g)).toHaveLength(1);
    expect(message).not.toMatch(/vite-plugin-pwa|LoadPluginContextImpl/);
    expect(printed).not.toMatch(/precache|workbox|sw\.js/i);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });

  it('with good slides still writes the service worker', async () => {
    const outDir = join(temp, 'good');
    const { error } = await buildDeck(GOOD_DECK, outDir);
    expect(error).toBeUndefined();
    expect(readdirSync(outDir)).toEqual(expect.arrayContaining(['index.html', 'sw.js']));
  });
});
