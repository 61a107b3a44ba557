/**
 * The labs whose pictures are drawings (exchange-routing, order-flow, cache-aside, celery-retries,
 * kafka-partitions) on a phone: the reading view at 390×844 in portrait, where a student plays
 * with them after class (and, as a check of the widths between, a tablet at 768×1024 and a laptop
 * at 1280×800). They must reflow, not shrink: at several steps of every slot, the smallest text in
 * the picture is ≥ 14 px on screen (font size times the SVG's screen matrix, as widget-faces
 * measures), and nothing in the widget is wider than the column or scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WIDGETS, type WidgetName } from '../../src/lecture/names.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { pageErrors, screenshotsDir } from './deck-page.ts';
import { settled } from './widget-page.ts';

/** The phone first: the size the labs are made for; then two widths between it and the stage. */
const SIZES = [
  { width: 390, height: 844, name: 'phone' },
  { width: 768, height: 1024, name: 'tablet' },
  { width: 1280, height: 800, name: 'laptop' },
] as const;
/** The smallest picture text a phone reader gets, in CSS px on screen. */
const MIN_PX = 14;
const DRAWN: readonly WidgetName[] = [
  'exchange-routing',
  'order-flow',
  'cache-aside',
  'celery-retries',
  'kafka-partitions',
];

/** The first step, the first move, the middle and the last of a widget with `steps` steps. */
function stepsToCheck(steps: number): number[] {
  return [...new Set([0, 1, Math.ceil(steps / 2), steps])].filter((s) => s <= steps);
}

/** What breaks the rules in the widget root `selector` now. */
async function phoneFindings(page: Page, selector: string, min: number): Promise<string[]> {
  return page.evaluate(
    ([sel, least]) => {
      const root = document.querySelector<HTMLElement>(sel as string);
      if (!root) return ['no widget root'];
      const found: string[] = [];
      const column = root.getBoundingClientRect();
      const shown = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const style = getComputedStyle(el);
        return style.visibility !== 'hidden' && style.display !== 'none';
      };
      let texts = 0;
      for (const text of root.querySelectorAll<SVGTextElement>('.w-picture svg text')) {
        const words = text.textContent?.trim() ?? '';
        const matrix = text.getScreenCTM();
        if (!words || !matrix || !shown(text)) continue;
        texts++;
        const px =
          Number.parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
        if (px < (least as number)) found.push(`${px.toFixed(1)} px «${words.slice(0, 30)}»`);
      }
      if (texts === 0) found.push('no picture text');
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!shown(el)) continue;
        const r = el.getBoundingClientRect();
        const name = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
        if (r.left < column.left - 1 || r.right > column.right + 1) {
          found.push(
            `${name} is ${r.left.toFixed(0)}…${r.right.toFixed(0)} px, the column ${column.left.toFixed(0)}…${column.right.toFixed(0)}`,
          );
        }
        if (
          el instanceof HTMLElement &&
          el.scrollWidth > el.clientWidth + 1 &&
          el.clientWidth > 0
        ) {
          const overflow = getComputedStyle(el).overflowX;
          if (overflow === 'auto' || overflow === 'scroll') {
            found.push(`${name} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth} px`);
          }
        }
      }
      // The whole page too.
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
      }
      return found;
    },
    [selector, min] as const,
  );
}

for (const size of SIZES) {
  describe(`drawn widget labs in the reading view at ${size.width}×${size.height} (${size.name}): reflow, not shrink`, () => {
    let browser: TestBrowser;
    let page: Page;
    let errors: string[] = [];

    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.context.newPage();
      errors = pageErrors(page);
      await page.setViewportSize({ width: size.width, height: size.height });
      // The same frames without the flights: a step is drawn at once.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${inject('deckUrl')}?view=read`);
      await page.waitForSelector('.reading-slide');
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const widget of DRAWN) {
      it(`${widget}: every slot, at its first, middle and last steps: picture text ≥ ${MIN_PX} px, nothing wider than the column`, async () => {
        const sections = await page.$$eval(
          '.reading-slide[data-section]',
          (articles, name) =>
            articles
              .filter((a) => a.querySelector(`.widget-slot[data-widget-slot="${name}"]`))
              .map((a) => (a as HTMLElement).dataset['section'] ?? ''),
          widget,
        );
        expect(sections.length, `${widget} has a slot in the reading view`).toBeGreaterThan(0);
        const findings: string[] = [];
        for (const section of sections) {
          const root = `.reading-slide[data-section="${section}"] .widget-slot[data-widget-slot="${widget}"] [data-widget]`;
          // Widgets mount lazily as their slide nears the viewport.
          await page.evaluate(
            (s) => document.querySelector(`.reading-slide[data-section="${s}"]`)?.scrollIntoView(),
            section,
          );
          await page.waitForSelector(`${root}[data-face="lab"]`, { state: 'attached' });
          const steps = WIDGETS[widget].steps;
          const checked = stepsToCheck(steps);
          for (let step = 0; step <= Math.max(...checked); step++) {
            if (step > 0) await page.click(`${root} button[name="step-forward"]`);
            await page.waitForFunction(
              ([sel, n]) =>
                document.querySelector<HTMLElement>(sel as string)?.dataset['step'] === String(n),
              [root, step] as const,
            );
            if (!checked.includes(step)) continue;
            await settled(page);
            for (const f of await phoneFindings(page, root, MIN_PX)) {
              findings.push(`slide ${section}, step ${step}: ${f}`);
            }
            if (step === steps) {
              await page.locator(`${root} .w-picture`).screenshot({
                path: `${screenshotsDir()}/${size.name}-${widget}-${section}.png`,
              });
            }
          }
        }
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
      });
    }

    it(`kafka-partitions at the lab's limits (64 partitions, 16 consumers, long keys): picture text ≥ ${MIN_PX} px, nothing wider than the column`, async () => {
      const root = `.reading-slide[data-section="32"] .widget-slot[data-widget-slot="kafka-partitions"] [data-widget]`;
      await page.evaluate(() =>
        document.querySelector('.reading-slide[data-section="32"]')?.scrollIntoView(),
      );
      await page.waitForSelector(`${root}[data-face="lab"]`, { state: 'attached' });
      await page.fill(`${root} input[name="partitions"]`, '64');
      await page.press(`${root} input[name="partitions"]`, 'Enter');
      // Up to the group's limit (the story may have members already; a refused add changes nothing).
      for (let i = 0; i < 16; i++) await page.click(`${root} button[name="add-consumer"]`);
      for (const key of ['user-42', 'order-1234567890', '']) {
        await page.fill(`${root} input[name="key"]`, key);
        await page.click(`${root} button[name="produce"]`);
      }
      await page.waitForFunction(
        (sel) => document.querySelectorAll(`${sel} [data-consumer]`).length >= 16,
        root,
      );
      await settled(page);
      const findings = await phoneFindings(page, root, MIN_PX);
      await page.locator(`${root} .w-picture`).screenshot({
        path: `${screenshotsDir()}/${size.name}-kafka-partitions-limits.png`,
      });
      expect(findings).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('the charts (4, 5): their figures tables fit the column; the page never scrolls sideways', async () => {
      // The deck's `.reveal table` rule (28 px, for the stage) once outranked the table's own
      // size in the reading view: slide 5's table was 1,608 px wide at 768 and 1280.
      const found: string[] = [];
      for (const section of ['4', '5']) {
        await page.evaluate(
          (s) => document.querySelector(`.reading-slide[data-section="${s}"]`)?.scrollIntoView(),
          section,
        );
        const table = `.reading-slide[data-section="${section}"] .w-ch-figures`;
        await page.waitForSelector(table, { state: 'attached' });
        const [right, column, page_] = await page.evaluate((sel) => {
          const t = document.querySelector(sel);
          const slot = t?.closest('.widget-slot');
          return [
            t?.getBoundingClientRect().right ?? 0,
            slot?.getBoundingClientRect().right ?? 0,
            document.documentElement.scrollWidth - window.innerWidth,
          ];
        }, table);
        if (right > column + 1)
          found.push(`slide ${section}: table ends at ${right} px, the column at ${column}`);
        if (page_ > 1)
          found.push(`slide ${section}: the page is ${page_} px wider than the window`);
      }
      expect(found).toEqual([]);
    });
  });
}
