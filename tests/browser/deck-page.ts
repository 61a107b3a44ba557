/**
 * Opens the built deck in a page and records what a test must vet: every request (to check the
 * origin), console errors and uncaught page errors. Also reads the expected slides from disk.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { displayTitle } from '../../src/pipeline/display-title.ts';
import { parseSlide, type ParsedSlide } from '../../src/pipeline/parse-slide.ts';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The folder for screenshots to look at (test-results/screenshots), made if it is missing. */
export function screenshotsDir(): string {
  const dir = join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The slides the deck was built from (SLIDES_DIR or slides/), sorted by section, each `title` as
 * the deck shows it (« — » for the lecture's « - », docs/GLOSSARY.md).
 */
export function expectedSlides(): ParsedSlide[] {
  const dir = process.env['SLIDES_DIR'] || 'slides';
  return readdirSync(join(repoRoot, dir))
    .filter((name) => name.endsWith('.md'))
    .map((name) => parseSlide(`${dir}/${name}`, readFileSync(join(repoRoot, dir, name), 'utf8')))
    .map((slide) => ({ ...slide, title: displayTitle(slide.title) }))
    .sort((a, b) => a.section - b.section);
}

/** A deck page plus what it did. */
export interface DeckPage {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
}

/** Opens `url` in a new page of `context`, recording requests and errors, and waits for reveal.js. */
export async function openDeck(context: BrowserContext, url: string): Promise<DeckPage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await deckReady(page);
  return { page, requests, errors };
}

/**
 * Waits until reveal.js is ready and every slide has its body and notes: the later slides' come
 * out of their template after the first frame (src/deck/later-slides.ts).
 */
export async function deckReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.Reveal?.isReady() === true && document.getElementById('later-slides') === null,
  );
}

/**
 * Collects the messages of the page's uncaught errors from now on, and of its console errors too
 * with `withConsole`; for pages that openDeck does not open (a view, a popup).
 */
export function pageErrors(page: Page, { withConsole = false } = {}): string[] {
  const errors: string[] = [];
  if (withConsole) {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
  }
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Requests that left the deck's origin (data:, blob: and about: stay inside the page). */
export function foreignRequests(requests: readonly string[], deckUrl: string): string[] {
  const origin = new URL(deckUrl).origin;
  return requests.filter(
    (url) => !/^(data|blob|about):/.test(url) && new URL(url).origin !== origin,
  );
}

/** What the audience sees on the current slide. */
export interface SlideView {
  readonly section: number;
  readonly title: string;
  readonly number: string;
  readonly notes: string;
  readonly indexh: number;
  readonly fragment: number;
  readonly last: boolean;
}

/** Reads the current slide's state from the page. */
export function currentSlide(page: Page): Promise<SlideView> {
  return page.evaluate(() => {
    const deck = window.Reveal;
    if (!deck) throw new Error('no deck');
    const slide = deck.getCurrentSlide();
    const state = deck.getState();
    return {
      section: Number(slide.dataset['section']),
      title: slide.querySelector('h2')?.textContent?.trim() ?? '',
      number: document.querySelector('.reveal .slide-number')?.textContent?.trim() ?? '',
      notes: slide.querySelector('aside.notes')?.textContent?.trim() ?? '',
      indexh: state.indexh,
      fragment: state.indexf ?? -1,
      last: deck.isLastSlide() && !deck.availableFragments().next,
    };
  });
}

/** A one-file lecture built for a test: its folder, its HTML file and that file's file:// URL. */
export interface OneFile {
  readonly dir: string;
  readonly file: string;
  readonly url: string;
}

/**
 * Builds the one-file lecture (`vite build --mode single`) into `<DECK_OUT_DIR>-<suffix>` (next
 * to the served deck's build dir, so parallel runs and test files stay apart).
 */
export async function buildOneFile(suffix: string): Promise<OneFile> {
  const dir = resolve(repoRoot, `${process.env['DECK_OUT_DIR'] ?? 'dist'}-${suffix}`);
  await build({
    root: repoRoot,
    configFile: resolve(repoRoot, 'vite.config.ts'),
    mode: 'single',
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  const file = join(dir, 'index.html');
  return { dir, file, url: pathToFileURL(file).href };
}

/**
 * A test file's Chromium (launchChromium), started before its tests and closed after them: the
 * file's whole browser set-up. Read `context` inside tests and hooks.
 */
export function useBrowser(): { readonly context: BrowserContext } {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get context() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser.context;
    },
  };
}
