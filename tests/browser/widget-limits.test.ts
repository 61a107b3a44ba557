/**
 * A widget at its own limits still fits the slide (issue 13, hostile-input finding): on the deck
 * at 1280×720, with the lab open, each widget is driven to what once pushed its controls or
 * caption off the slide — 40 after 12 «Отправить запрос», 19 after 10 «+3 задачи», 14 with the
 * most workers, 38 with «Изменить задачу…» open, 31 at 64 partitions and 16 consumers — and
 * then every visible element of the widget (controls, caption, note, picture) is inside the slide.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { openDeck, type DeckPage } from './deck-page.ts';
import { settled } from './widget-page.ts';

/** Elements of the widget at `selector` whose box leaves slide `section`'s box (1 px slack). */
async function outsideSlide(page: Page, section: number, selector: string): Promise<string[]> {
  return page.evaluate(
    ([id, sel]) => {
      const slide = document.getElementById(id as string);
      const root = document.querySelector<HTMLElement>(sel as string);
      if (!slide || !root) return ['no slide or widget'];
      // What the audience can see: the slide, cut by every box between it and the widget that
      // clips its overflow (the slot).
      const slideBox = slide.getBoundingClientRect();
      const box = {
        left: slideBox.left,
        right: slideBox.right,
        top: slideBox.top,
        bottom: slideBox.bottom,
      };
      const clips = (e: Element): boolean =>
        /(auto|scroll|hidden|clip)/.test(
          getComputedStyle(e).overflowX + getComputedStyle(e).overflowY,
        );
      for (let p = root.parentElement; p && p !== slide; p = p.parentElement) {
        if (!clips(p)) continue;
        const r = p.getBoundingClientRect();
        box.left = Math.max(box.left, r.left);
        box.right = Math.min(box.right, r.right);
        box.top = Math.max(box.top, r.top);
        box.bottom = Math.min(box.bottom, r.bottom);
      }
      const out: string[] = [];
      for (const el of [root, ...root.querySelectorAll<Element>('*')]) {
        if (el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Inside a box of the widget that scrolls or clips (the root itself scrolls a lab that
        // outgrows the slide), that box is what must fit.
        let clipped = false;
        for (let p = el.parentElement; p && p !== root.parentElement; p = p.parentElement) {
          if (clips(p)) clipped = true;
        }
        if (clipped) continue;
        if (
          r.left < box.left - 1 ||
          r.right > box.right + 1 ||
          r.top < box.top - 1 ||
          r.bottom > box.bottom + 1
        ) {
          const name = `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ')[0]}`;
          out.push(
            `${name} ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)} (slide ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)})`,
          );
        }
      }
      // An element marked hidden takes no room (a rule that sets display on it would show, e.g.,
      // a withdrawn question's empty box).
      for (const el of root.querySelectorAll<HTMLElement>('[hidden]')) {
        const r = el.getBoundingClientRect();
        if (r.height > 0) out.push(`hidden ${el.className} is ${Math.round(r.height)} px tall`);
      }
      // The caption is read, not scrolled to: it is inside the root's visible box.
      const caption = root.querySelector('.w-caption')?.getBoundingClientRect();
      const shown = root.getBoundingClientRect();
      if (!caption || caption.top < shown.top - 1 || caption.bottom > shown.bottom + 1)
        out.push(
          `caption ${Math.round(caption?.top ?? 0)}–${Math.round(caption?.bottom ?? 0)} outside the widget's visible ${Math.round(shown.top)}–${Math.round(shown.bottom)}`,
        );
      return out;
    },
    [`s-${section}`, selector] as const,
  );
}

/** Clicks `button` `times` times, waiting for the widget to settle after each. */
async function clickTimes(page: Page, button: Locator, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    if (await button.isDisabled()) break;
    await button.click();
  }
  await settled(page);
}

interface Limit {
  readonly section: number;
  readonly what: string;
  readonly widget: string;
  drive(page: Page, root: string): Promise<void>;
}

const LIMITS: readonly Limit[] = [
  {
    section: 40,
    what: '12 «Отправить запрос»',
    widget: 'patterns',
    async drive(page, root) {
      await page.locator(`${root} [role="tab"]`, { hasText: 'Request-Reply' }).click();
      await clickTimes(page, page.locator(`${root} button[name="request"]`), 12);
    },
  },
  {
    section: 19,
    what: '10 «+3 задачи»',
    widget: 'rabbit-acks',
    async drive(page, root) {
      await clickTimes(page, page.locator(`${root} button[name="publish"]`), 10);
    },
  },
  {
    section: 14,
    what: 'the most workers, each with a task, and more waiting',
    widget: 'redis-list-queue',
    async drive(page, root) {
      await clickTimes(page, page.locator(`${root} button[name="add-worker"]`), 6);
      await clickTimes(page, page.locator(`${root} button[name="lpush"]`), 12);
    },
  },
  {
    section: 38,
    what: '«Изменить задачу…» open',
    widget: 'celery-retries',
    async drive(page, root) {
      await page.locator(`${root} summary`).click();
      await settled(page);
    },
  },
  {
    section: 31,
    what: '64 partitions and 16 consumers',
    widget: 'kafka-partitions',
    async drive(page, root) {
      const partitions = page.locator(`${root} input[name="partitions"]`);
      await partitions.fill('64');
      await partitions.press('Enter');
      await clickTimes(page, page.locator(`${root} button[name="add-consumer"]`), 16);
    },
  },
];

describe('a widget at its limits still fits the slide (1280×720, lab open)', () => {
  const deckUrl = inject('deckUrl');
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const limit of LIMITS) {
    it(`${limit.section} ${limit.widget} after ${limit.what}`, async () => {
      const deck: DeckPage = await openDeck(browser.context, `${deckUrl}#/s-${limit.section}`);
      const { page } = deck;
      await page.setViewportSize({ width: 1280, height: 720 });
      const root = `#s-${limit.section} [data-widget="${limit.widget}"]`;
      await page.waitForSelector(root, { state: 'attached' });
      await page.evaluate(() => window.Reveal?.layout());
      // `L` opens the lab, as the lecturer does (at step 0 the slot, and its toggle, are hidden).
      await page.keyboard.press('l');
      await page.waitForSelector(`${root}[data-face="lab"]`);
      await settled(page);
      await limit.drive(page, root);
      await page.screenshot({ path: `test-results/limits-${limit.section}.png` });
      expect(await outsideSlide(page, limit.section, root), limit.what).toEqual([]);
      expect(deck.errors).toEqual([]);
      await page.close();
    });
  }
});
