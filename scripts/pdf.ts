/**
 * `npm run pdf`: the lecture handout as a PDF. Builds the deck into dist/ (unless --no-build),
 * serves it on 127.0.0.1, opens the print form of the reading view (`?view=print`: each slide,
 * its notes, and every widget step as a static frame with its caption) in headless Chromium and
 * prints it to dist-pdf/lecture.pdf. Prints the page count, the size and the time it took.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/setup/static-server.ts';

const started = performance.now();
const args = process.argv.slice(2);
const deckDir = resolve(process.env['DECK_DIR'] ?? 'dist');
const outFile = resolve(args.find((a) => a.endsWith('.pdf')) ?? join('dist-pdf', 'lecture.pdf'));

if (!args.includes('--no-build')) {
  await build({ logLevel: 'warn', build: { outDir: deckDir, emptyOutDir: true } });
}
mkdirSync(resolve(outFile, '..'), { recursive: true });
const server = await serveStatic(deckDir);
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(new URL('?view=print', server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset['printReady'] === 'true', {
    timeout: 120_000,
  });
  // Fonts and Chart.js's first draw settle before printing.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true });
  if (problems.length > 0)
    throw new Error(`the print page reported errors:\n${problems.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}

// A PDF's page objects say `/Type /Page` (not `/Pages`): count them without extra tools.
const pages = (readFileSync(outFile, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const size = statSync(outFile).size;
console.log(
  `pdf: ${outFile} — ${pages} pages, ${(size / 1024 / 1024).toFixed(2)} MB, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
