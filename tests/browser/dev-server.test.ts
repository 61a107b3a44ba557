/**
 * The lecturer's edit loop in the dev server: editing a slide reloads the page with the change,
 * and a malformed slide shows in Vite's error overlay with its file and line. Runs Vite's dev
 * server on a copy of the fixture deck in a temporary directory.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lectureDeck } from '../../src/pipeline/vite-plugin.ts';
import { freePort } from '../setup/servers.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { COPY_FILE_BUTTON, pressCopy } from './copy-file.ts';
import { repoRoot } from './deck-page.ts';

let browser: TestBrowser;
let server: ViteDevServer;
let slidesDir: string;
let cacheDir: string;

beforeAll(async () => {
  slidesDir = mkdtempSync(join(tmpdir(), 'deck-slides-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'deck-vite-cache-'));
  cpSync(join(repoRoot, 'tests/fixtures/pipeline/deck-mini'), slidesDir, { recursive: true });
  server = await createServer({
    root: repoRoot,
    configFile: false,
    cacheDir,
    logLevel: 'silent',
    plugins: [lectureDeck({ slidesDir, sections: 4 })],
    server: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  await server.listen();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(slidesDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('dev server', () => {
  it('«Весь файл» copies an included example as it is on disk, and again after it is edited', async () => {
    // The example lives in the repository (file= paths are from its root), in a git-ignored
    // dist-* folder (Vite's watcher ignores test-results/).
    const dir = mkdtempSync(join(repoRoot, 'dist-dev-example-'));
    const example = join(dir, 'demo.py');
    cpSync(join(repoRoot, 'tests/fixtures/pipeline/deck-mini/demo.py'), example);
    const path = relative(repoRoot, example);
    const second = join(slidesDir, '02-kod.md');
    const original = readFileSync(second, 'utf8');
    writeFileSync(second, original.replace('tests/fixtures/pipeline/deck-mini/demo.py', path));
    const url = server.resolvedUrls?.local[0] ?? '';
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(url).origin,
    });
    const page = await browser.context.newPage();
    try {
      await page.goto(`${url}#/s-2`);
      const button = page.locator(`#s-2 .code-block[data-file="${path}"] ${COPY_FILE_BUTTON}`);
      await button.waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => window.Reveal?.isReady() === true);
      await pressCopy(page, button, 'click');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        readFileSync(example, 'utf8'),
      );

      await page.evaluate(() => Object.assign(window, { beforeEdit: true }));
      writeFileSync(example, `${readFileSync(example, 'utf8')}\n# правка после показа\n`);
      await page.waitForFunction(
        () => !('beforeEdit' in window) && window.Reveal?.isReady() === true,
        undefined,
        { timeout: 30_000 },
      );
      await pressCopy(page, button, 'click');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('# правка после показа');
      expect(copied).toBe(readFileSync(example, 'utf8'));
    } finally {
      await page.close();
      writeFileSync(second, original);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reloads on a slide edit and shows a malformed slide in the error overlay', async () => {
    const url = server.resolvedUrls?.local[0] ?? '';
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.Reveal?.isReady() === true, undefined, {
      timeout: 60_000,
    });
    expect(await page.locator('#s-1 h2').textContent()).toBe('Введение');

    const first = join(slidesDir, '01-vvedenie.md');
    writeFileSync(
      first,
      readFileSync(first, 'utf8').replace('title: "Введение"', 'title: "Введение (правка)"'),
    );
    await page.waitForFunction(
      () => document.querySelector('#s-1 h2')?.textContent === 'Введение (правка)',
      undefined,
      {
        timeout: 30_000,
      },
    );

    const second = join(slidesDir, '02-kod.md');
    writeFileSync(
      second,
      readFileSync(second, 'utf8').replace('widgets: [cache-aside]', 'widgets: [cache-aside'),
    );
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 30_000 });
    const text = await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '');
    expect(text).toContain('02-kod.md');
    expect(text).toMatch(/02-kod\.md:\d+: front-matter is not valid YAML/);
    expect(pageErrors.filter((e) => !e.includes('virtual:lecture-deck'))).toEqual([]);
    await page.close();
  });
});
