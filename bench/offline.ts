/**
 * Offline benchmark (prints figures, asserts nothing): the one-file lecture's size and its time to
 * the first slide from file:// against the served site — cold first visit, and a repeat visit
 * offline from the service worker's cache. Each run is a fresh browser context (empty cache);
 * the modes take turns, so a busy machine slows them alike.
 * Loads are timed by bench/first-slide-load.ts, as in bench:first-slide: time to first slide =
 * navigation start → reveal.js `ready` (slide visible); main thread = the page's task time until
 * the first slide is drawn (CDP TaskDuration), steadier on a busy machine.
 * Usage: npm run bench:offline [-- --runs 9] (builds dist/ and dist-single/ first;
 * DECK_OUT_DIR=dist-x builds into dist-x/ and dist-x-single/).
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/setup/static-server.ts';
import { loadFirstSlide } from './first-slide-load.ts';
import { sizeByPart, sizeTable } from './size.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 7;
const outDir = process.env['DECK_OUT_DIR'] ?? 'dist';
const siteDir = resolve(process.env['DECK_DIR'] ?? outDir);
const singleDir = resolve(process.env['SINGLE_DIR'] ?? `${outDir}-single`);

await build({ logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
await build({ logLevel: 'warn', mode: 'single', build: { outDir: singleDir, emptyOutDir: true } });
const singleFile = join(singleDir, 'index.html');

type Times = [paint: number, ready: number, mainThread: number];

/** Loads `url` in `context`: first contentful paint, first slide, main-thread task time, in ms. */
async function firstSlide(context: BrowserContext, url: string): Promise<Times> {
  const { paint, ready, mainThread } = await loadFirstSlide(context, url);
  return [paint, ready, mainThread];
}

/** Median, min and max of a list (runs without a figure left out), rounded to ms. */
function summary(values: number[]): string {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const f = (n: number | undefined): string => String(Math.round(n ?? Number.NaN)).padStart(5);
  return `median ${f(median)}  min ${f(sorted[0])}  max ${f(sorted[sorted.length - 1])}`;
}

/** One way of opening the deck: a label and a measurement in a fresh context. */
interface Mode {
  readonly label: string;
  readonly measure: (context: BrowserContext) => Promise<Times>;
}

/**
 * Runs every mode `runs` times, interleaved (round 1 of each mode, then round 2, …) so that a
 * busy machine slows all modes alike, and prints first-paint and first-slide figures per mode.
 */
async function bench(browser: Browser, modes: readonly Mode[]): Promise<void> {
  const paints = modes.map((): number[] => []);
  const ready = modes.map((): number[] => []);
  const tasks = modes.map((): number[] => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, mode] of modes.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // Nothing may leave the machine: anything but file: and the local servers is aborted.
      await context.route(/^(?!file:|http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
      const [paint, deck, task] = await mode.measure(context);
      paints[i]?.push(paint);
      ready[i]?.push(deck);
      tasks[i]?.push(task);
      await context.close();
    }
  }
  for (const [i, mode] of modes.entries()) {
    console.log(`${mode.label.padEnd(44)} first paint ${summary(paints[i] ?? [])} ms`);
    console.log(`${''.padEnd(44)} first slide ${summary(ready[i] ?? [])} ms`);
    console.log(`${''.padEnd(44)} main thread ${summary(tasks[i] ?? [])} ms`);
  }
}

const server = await serveStatic(siteDir);
const singleServer = await serveStatic(singleDir);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const size = statSync(singleFile).size;
  console.log(`one-file lecture: ${singleFile} ${size} bytes (${(size / 2 ** 20).toFixed(2)} MiB)`);
  console.log(`${sizeTable(sizeByPart(readFileSync(singleFile, 'utf8')))}\n`);
  console.log(`${runs} runs each, a fresh browser context per run, 1280×800\n`);
  await bench(browser, [
    { label: 'site, served, first visit', measure: (c) => firstSlide(c, server.url) },
    {
      label: 'site, repeat visit offline (service worker)',
      measure: async (context) => {
        const page = await context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        await page.close();
        await context.setOffline(true);
        return firstSlide(context, server.url);
      },
    },
    {
      label: 'one file, from file:// (network off)',
      measure: async (context) => {
        await context.setOffline(true);
        return firstSlide(context, pathToFileURL(singleFile).href);
      },
    },
    { label: 'one file, served', measure: (c) => firstSlide(c, singleServer.url) },
  ]);
} finally {
  await browser.close();
  await server.close();
  await singleServer.close();
}
