/**
 * Time to the first slide, against reveal.js itself (prints figures, asserts nothing): the built
 * deck next to reveal.js 6's own `demo.html` (from node_modules/reveal.js) and a bare two-slide
 * reveal.js page (reveal's dist css/js, written into a temp dir), each served from loopback and
 * opened from file://. Every load is a fresh browser context (empty cache), other hosts blocked;
 * the pages take turns (round 1 of each, then round 2, …), so a busy machine slows them alike.
 * Per page (bench/first-slide-load.ts): ready = navigation start → reveal.js `ready`; painted =
 * the frame after it has been drawn (rAF, then a task); main thread = the page's task time until
 * painted (CDP TaskDuration); CPU = the CPU time of the page's main-thread tasks until painted
 * (a trace's thread time), which a busy machine stretches least. Ratios are medians of the per-round ratios.
 * It also prints the one file's size by part (bench/size.ts).
 * Usage: npm run bench:first-slide [-- --runs 9] [-- --no-build]; DECK_OUT_DIR=dist-x builds
 * the site into dist-x/ and the one file into dist-x-single/ (default dist/, dist-single/).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/setup/static-server.ts';
import { loadFirstSlide } from './first-slide-load.ts';
import { sizeByPart, sizeTable } from './size.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const outDir = process.env['DECK_OUT_DIR'] ?? 'dist';
const siteDir = resolve(outDir);
const singleDir = resolve(`${outDir}-single`);

if (!process.argv.includes('--no-build')) {
  await build({ logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
  await build({
    logLevel: 'warn',
    mode: 'single',
    build: { outDir: singleDir, emptyOutDir: true },
  });
}
const singleFile = join(singleDir, 'index.html');

/** reveal's dist and demo.html, plus a bare two-slide page, in one throw-away directory. */
const revealDir = mkdtempSync(join(tmpdir(), 'bench-first-slide-'));
cpSync(resolve('node_modules/reveal.js/dist'), join(revealDir, 'dist'), { recursive: true });
cpSync(resolve('node_modules/reveal.js/demo.html'), join(revealDir, 'demo.html'));
writeFileSync(
  join(revealDir, 'bare.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Two slides</title>
    <link rel="stylesheet" href="dist/reset.css" />
    <link rel="stylesheet" href="dist/reveal.css" />
    <link rel="stylesheet" href="dist/theme/black.css" />
  </head>
  <body>
    <div class="reveal">
      <div class="slides">
        <section><h1>Slide one</h1><p>A bare reveal.js page.</p></section>
        <section><h2>Slide two</h2></section>
      </div>
    </div>
    <script src="dist/reveal.js"></script>
    <script>Reveal.initialize({ hash: true });</script>
  </body>
</html>
`,
);

type Times = [ready: number, painted: number, mainThread: number, cpu: number];

/** Loads `url` in a fresh context and returns its ready, painted, main-thread and CPU times in ms. */
async function firstSlide(context: BrowserContext, url: string): Promise<Times> {
  const { ready, painted, mainThread, cpu } = await loadFirstSlide(context, url);
  return [ready, painted, mainThread, cpu];
}

/** The middle value of the finite ones. */
function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const ms = (n: number): string => String(Math.round(n)).padStart(5);
const ratio = (n: number): string => `${n.toFixed(2)}×`.padStart(6);

interface PageUnderTest {
  readonly label: string;
  readonly url: string;
}

/**
 * Loads our deck, reveal's demo and the bare page in turn `runs` times and prints the medians
 * and, per round, our time over the demo's and over the bare page's.
 */
async function compare(
  title: string,
  pages: readonly [PageUnderTest, PageUnderTest, PageUnderTest],
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const times = pages.map((): Times[] => []);
  try {
    for (let round = 0; round < runs; round++) {
      for (const [i, page] of pages.entries()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        // Nothing may leave the machine: anything but file: and the local servers is aborted.
        await context.route(/^(?!file:|http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
        if (page.url.startsWith('file:')) await context.setOffline(true);
        times[i]?.push(await firstSlide(context, page.url));
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\n${title} (${runs} rounds; medians, ms)`);
  console.log(`${''.padEnd(26)} ready painted  main   CPU`);
  for (const [i, page] of pages.entries()) {
    const own = times[i] ?? [];
    const col = (k: 0 | 1 | 2 | 3): string => ms(median(own.map((t) => t[k])));
    console.log(`${page.label.padEnd(26)} ${col(0)}  ${col(1)}  ${col(2)} ${col(3)}`);
  }
  const ours = times[0] ?? [];
  for (const [i, versus] of [
    [1, 'demo.html'],
    [2, 'bare two-slide page'],
  ] as const) {
    const other = times[i] ?? [];
    const per = (k: 0 | 1 | 2 | 3): string =>
      ratio(median(ours.map((t, round) => t[k] / (other[round]?.[k] ?? NaN))));
    console.log(`ours / ${versus.padEnd(19)} ${per(0)}  ${per(1)}  ${per(2)} ${per(3)}`);
  }
}

const server = await serveStatic(siteDir);
const singleServer = await serveStatic(singleDir);
const revealServer = await serveStatic(revealDir);
try {
  const html = readFileSync(singleFile, 'utf8');
  console.log(`one file: ${singleFile} ${Buffer.byteLength(html, 'utf8')} B by part:\n`);
  console.log(sizeTable(sizeByPart(html)));
  console.log('\n1280×800, a fresh context per load');
  await compare('served', [
    { label: 'our deck (site)', url: server.url },
    { label: 'reveal.js demo.html', url: `${revealServer.url}demo.html` },
    { label: 'bare two-slide reveal', url: `${revealServer.url}bare.html` },
  ]);
  await compare('served, one file', [
    { label: 'our deck (one file)', url: singleServer.url },
    { label: 'reveal.js demo.html', url: `${revealServer.url}demo.html` },
    { label: 'bare two-slide reveal', url: `${revealServer.url}bare.html` },
  ]);
  await compare('from file://', [
    { label: 'our deck (one file)', url: pathToFileURL(singleFile).href },
    { label: 'reveal.js demo.html', url: pathToFileURL(join(revealDir, 'demo.html')).href },
    { label: 'bare two-slide reveal', url: pathToFileURL(join(revealDir, 'bare.html')).href },
  ]);
} finally {
  await server.close();
  await singleServer.close();
  await revealServer.close();
  rmSync(revealDir, { recursive: true, force: true });
}
