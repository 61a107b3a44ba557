/**
 * Screenshots of the built deck for looking at slides: builds nothing, serves dist/ on a free
 * loopback port and saves one PNG per requested slide (all fragments shown unless `:N` asks for
 * fragment N). Usage: npx tsx scripts/screenshot.ts [--size 1920x1080] 4 6:0 6:3 35
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/setup/static-server.ts';

const args = process.argv.slice(2);
let size = { width: 1280, height: 800 };
const sizeAt = args.indexOf('--size');
if (sizeAt >= 0) {
  const [w, h] = (args[sizeAt + 1] ?? '').split('x').map(Number);
  if (!w || !h) throw new Error('--size WxH');
  size = { width: w, height: h };
  args.splice(sizeAt, 2);
}
const outDir = join('test-results', 'screenshots', 'manual');
mkdirSync(outDir, { recursive: true });
const server = await serveStatic(process.env['DECK_DIR'] ?? 'dist');
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('console:', m.text());
  });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.Reveal?.isReady());
  for (const spec of args) {
    const [section, fragment] = spec.split(':');
    const id = `s-${section}`;
    await page.evaluate(
      ([sid, frag]) => {
        const deck = window.Reveal;
        const slide = document.getElementById(sid as string);
        if (!deck || !slide) throw new Error(`no slide ${sid}`);
        const { h, v } = deck.getIndices(slide);
        deck.slide(h, v, frag === undefined ? Number.MAX_SAFE_INTEGER : Number(frag));
      },
      [id, fragment] as const,
    );
    await page.waitForTimeout(900);
    const file = join(
      outDir,
      `slide-${section}${fragment === undefined ? '' : `-f${fragment}`}-${size.width}.png`,
    );
    await page.screenshot({ path: file });
    console.log(file);
  }
} finally {
  await browser.close();
  await server.close();
}
