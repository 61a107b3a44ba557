/**
 * The built deck opened on a widget slide, and the moves a widget test makes there: jump to a
 * slide's fragment, press a key until the widget reaches a step, wait for animations to settle.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { openDeck, type DeckPage } from './deck-page.ts';

/** A fresh browser with the deck open in it. */
export interface WidgetDeck {
  readonly browser: TestBrowser;
  readonly deck: DeckPage;
}

/** Launches Chromium, opens the deck on slide `section` and waits until every root is attached. */
export async function openWidgetSlide(
  deckUrl: string,
  section: number | string,
  ...roots: string[]
): Promise<WidgetDeck> {
  const browser = await launchChromium();
  const deck = await openDeck(browser.context, `${deckUrl}#/s-${section}`);
  for (const root of roots) await deck.page.waitForSelector(root, { state: 'attached' });
  return { browser, deck };
}

/** A test file's deck, open on its widget slide; read the fields inside tests and hooks. */
export interface WidgetSlide extends DeckPage {
  /** The browser context, for CDP sessions and extra pages. */
  readonly context: BrowserContext;
}

/**
 * Opens the deck on slide `section` in a fresh Chromium before the file's tests, waiting until
 * every root is attached, and closes it after them: a widget test file's whole set-up.
 */
export function useWidgetSlide(section: number | string, ...roots: string[]): WidgetSlide {
  const deckUrl = inject('deckUrl');
  let opened: WidgetDeck | undefined;
  beforeAll(async () => {
    opened = await openWidgetSlide(deckUrl, section, ...roots);
  });
  afterAll(async () => {
    await opened?.browser.close();
  });
  const get = (): WidgetDeck => {
    if (!opened) throw new Error('the widget slide opens in beforeAll');
    return opened;
  };
  return {
    get page() {
      return get().deck.page;
    },
    get requests() {
      return get().deck.requests;
    },
    get errors() {
      return get().deck.errors;
    },
    get context() {
      return get().browser.context;
    },
  };
}

/** Waits until the widget at `root` shows step `step` (its data-step). */
export async function waitForStep(page: Page, root: string, step: number): Promise<void> {
  await page.waitForFunction(
    ([sel, n]) => document.querySelector<HTMLElement>(sel as string)?.dataset['step'] === String(n),
    [root, step] as const,
  );
}

/** Presses `key` and waits until the widget at `root` shows step `step`. */
export async function pressToStep(
  page: Page,
  root: string,
  key: string,
  step: number,
): Promise<void> {
  await page.keyboard.press(key);
  await waitForStep(page, root, step);
}

/** Jumps (Reveal.slide) to fragment `fragment` of slide `section` (-1: before its first). */
export async function jumpToFragment(
  page: Page,
  section: number | string,
  fragment: number,
): Promise<void> {
  await page.evaluate(
    ([id, f]) => {
      const d = window.Reveal;
      const s = document.getElementById(id as string);
      if (!d || !s) throw new Error('no deck');
      // On the same slide, reveal.js 6 ignores slide(h, v, f)'s fragment: navigate fragments instead.
      if (d.getCurrentSlide() === s) d.navigateFragment(f as number);
      else {
        const { h, v } = d.getIndices(s);
        d.slide(h, v, f as number);
      }
    },
    [`s-${section}`, fragment] as const,
  );
}

/** Waits until no animation runs, so a screenshot shows the frame, not a flight. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/**
 * Opens the lab of the widget at `root` the way a lecturer does (its `button[name="lab"]`), and
 * waits until the root says `data-face="lab"`. A widget not on the kit is always in the lab.
 */
export async function openLab(page: Page, root: string): Promise<void> {
  const face = await page.getAttribute(root, 'data-face');
  if (face === 'lab') return;
  await page.click(`${root} button[name="lab"]`);
  await page.waitForSelector(`${root}[data-face="lab"]`);
}
