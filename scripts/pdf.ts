/**
 * `npm run pdf`: the lecture handout as a PDF. Builds the deck into dist/ (unless --no-build),
 * serves it on 127.0.0.1, opens the print form of the reading view (`?view=print`: each slide,
 * its notes, and every widget step as a static frame with its caption) in headless Chromium and
 * prints it to dist-pdf/lecture.pdf. Chromium cannot number a contents page itself, so the page
 * is printed twice: the first print is read back with poppler's pdftotext to see on which page
 * each part and slide starts, the contents gets those numbers, and the second print is the
 * handout (same layout: the numbers' cells are reserved). Prints the page count, the size and
 * the time it took.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
  const draft = `${outFile}.draft.pdf`;
  await page.pdf({ path: draft, preferCSSPageSize: true, printBackground: true });
  const keys = await page.$$eval('[data-print-page-for]', (cells) =>
    cells.map((c) => ({
      key: (c as HTMLElement).dataset['printPageFor'] ?? '',
      text: c.previousElementSibling?.textContent ?? '',
    })),
  );
  const numbers = startPages(draft, keys);
  rmSync(draft);
  await page.$$eval(
    '[data-print-page-for]',
    (cells, found) => {
      for (const c of cells)
        c.textContent = found[(c as HTMLElement).dataset['printPageFor'] ?? ''] ?? '';
    },
    numbers,
  );
  await page.pdf({ path: outFile, preferCSSPageSize: true, printBackground: true });
  if (problems.length > 0)
    throw new Error(`the print page reported errors:\n${problems.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * The page (1-based) each contents entry starts on in `pdf`: a slide by its «Слайд N.» line, a
 * part by its title on a line of its own; searched in order after the contents, so each entry
 * is found at or after the one before.
 */
function startPages(
  pdf: string,
  entries: readonly { key: string; text: string }[],
): Record<string, string> {
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  const lines = pages.map((p) => p.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')));
  const firstBody = lines.findIndex((page, i) => i > 0 && !page.includes('Содержание'));
  const found: Record<string, string> = {};
  let at = Math.max(firstBody, 0);
  for (const { key, text } of entries) {
    const slide = /^s-(\d+)$/.exec(key)?.[1];
    const wanted = (line: string): boolean =>
      slide === undefined ? line === text.trim() : line.startsWith(`Слайд ${slide}. `);
    let page = at;
    while (page < lines.length && !(lines[page] ?? []).some(wanted)) page++;
    if (page === lines.length) throw new Error(`the handout has no page for «${text}» (${key})`);
    found[key] = String(page + 1);
    at = page;
  }
  return found;
}

// A PDF's page objects say `/Type /Page` (not `/Pages`): count them without extra tools.
const pages = (readFileSync(outFile, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const size = statSync(outFile).size;
console.log(
  `pdf: ${outFile} — ${pages} pages, ${(size / 1024 / 1024).toFixed(2)} MB, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);
