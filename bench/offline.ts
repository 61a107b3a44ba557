/**
 * Offline benchmark (prints figures, asserts nothing): the one-file lecture's size and its time to
 * the first slide from file:// against the served site — cold first visit, and a repeat visit
 * offline from the service worker's cache. Each run is a fresh browser context (empty cache).
 * Time to first slide = navigation start → reveal.js ready (`deck-ready` mark, slide visible).
 * Usage: npm run bench:offline [-- --runs 9] (builds dist/ and dist-single/ first).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/setup/static-server.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 7;
const siteDir = resolve(process.env['DECK_DIR'] ?? 'dist');
const singleDir = resolve(process.env['SINGLE_DIR'] ?? 'dist-single');

await build({ logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
await build({ logLevel: 'warn', mode: 'single', build: { outDir: singleDir, emptyOutDir: true } });
const singleFile = join(singleDir, 'index.html');

/** Loads `url` in `context` and returns [first contentful paint, deck ready] in ms. */
async function firstSlide(context: BrowserContext, url: string): Promise<[number, number]> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.Reveal?.isReady() === true);
  const times = await page.evaluate(() => {
    const slide = document.querySelector('.reveal .slides > section.present');
    const visible = slide !== null && getComputedStyle(slide).visibility !== 'hidden';
    const ready = performance.getEntriesByName('deck-ready')[0]?.startTime ?? Number.NaN;
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return [paint ?? Number.NaN, visible ? ready : Number.NaN] as [number, number];
  });
  await page.close();
  return times;
}

/** Median, min and max of a list, rounded to ms. */
function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const f = (n: number | undefined): string => String(Math.round(n ?? Number.NaN)).padStart(5);
  return `median ${f(median)}  min ${f(sorted[0])}  max ${f(sorted[sorted.length - 1])}`;
}

/** Runs `measure` in `runs` fresh contexts and prints FCP and deck-ready figures. */
async function bench(
  browser: Browser,
  label: string,
  measure: (context: BrowserContext) => Promise<[number, number]>,
): Promise<void> {
  const paints: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Nothing may leave the machine: anything but file: and the local server is aborted.
    await context.route(/^(?!file:|http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
    const [paint, deck] = await measure(context);
    paints.push(paint);
    ready.push(deck);
    await context.close();
  }
  console.log(`${label.padEnd(44)} first paint ${summary(paints)} ms`);
  console.log(`${''.padEnd(44)} first slide ${summary(ready)} ms`);
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
  console.log(`${runs} runs each, a fresh browser context per run, 1280×800\n`);
  await bench(browser, 'site, served, first visit', (c) => firstSlide(c, server.url));
  await bench(browser, 'site, repeat visit offline (service worker)', async (context) => {
    await firstSlide(context, server.url);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.close();
    await context.setOffline(true);
    return firstSlide(context, server.url);
  });
  await bench(browser, 'one file, from file:// (network off)', async (context) => {
    await context.setOffline(true);
    return firstSlide(context, pathToFileURL(singleFile).href);
  });
  await bench(browser, 'one file, served', (c) => firstSlide(c, singleServer.url));
} finally {
  await browser.close();
  await server.close();
  await singleServer.close();
}
