/**
 * The two faces of every kit widget, checked from outside as the hall and a student see them.
 * Stage (the deck): on every widget slide, at every step, at 1280×720 and 1920×1080, no visible
 * text under 24 px, no input, select or button but the lab toggle, nothing outside the slide, a
 * caption of at most two lines, all inside its box and the box inside the widget. Lab (after
 * `L`): every control is reachable by Tab. Phone (the reading view at 390×844): the lab reflows,
 * nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WIDGETS, type WidgetName } from '../../src/lecture/names.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGET_MARKER, parseSlide, type ParsedSlide } from '../../src/pipeline/parse-slide.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { openDeck, type DeckPage } from './deck-page.ts';
import { settled } from './widget-page.ts';

/** Sets the window size and waits until reveal.js has scaled the slide to it (margin 0.04). */
async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  const scale = Math.min(size.width / (1280 * 1.04), size.height / (720 * 1.04));
  await page.waitForFunction(
    (expected) => Math.abs((window.Reveal?.getScale() ?? 0) - expected) < 0.01,
    scale,
  );
}

/** Every widget slot of the visible slides, from the slide files: section, widget, index on the slide. */
const SLOTS = readdirSync(join(process.cwd(), 'slides'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => parseSlide(`slides/${f}`, readFileSync(join(process.cwd(), 'slides', f), 'utf8')))
  .filter((slide) => !slide.hidden)
  .flatMap((slide) => {
    const html = renderedOrder(slide);
    return html.map((widget, index) => ({ section: String(slide.section), widget, index }));
  });

/** The widgets of a slide in the order their slots appear: placed markers first, then the rest. */
function renderedOrder(slide: ParsedSlide): WidgetName[] {
  const placed = [...slide.body.matchAll(WIDGET_MARKER)]
    .map((m) => m[1] ?? '')
    .filter((name): name is WidgetName => name in WIDGETS);
  return [...placed, ...slide.widgets.filter((w) => !placed.includes(w))];
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Every widget slot of the deck's slides: its section and the widget. */
async function placements(page: Page): Promise<{ section: string; widget: WidgetName }[]> {
  const all = await page.$$eval('.reveal .slides section[data-section] .widget-slot', (slots) =>
    slots.map((slot) => ({
      section: (slot.closest('section') as HTMLElement).dataset['section'] ?? '',
      widget: (slot as HTMLElement).dataset['widgetSlot'] ?? '',
      hidden: slot.closest('section')?.getAttribute('data-visibility') === 'hidden',
    })),
  );
  return all
    .filter((p) => !p.hidden && p.widget in WIDGETS)
    .map((p) => ({ section: p.section, widget: p.widget as WidgetName }));
}

/** Shows step `step` of the `index`-th widget slot on slide `section` and waits for it. */
async function showStep(page: Page, section: string, index: number, step: number): Promise<void> {
  await page.evaluate(
    ([id, i, n]) => {
      const deck = window.Reveal;
      const slide = document.getElementById(id as string);
      if (!deck || !slide) throw new Error('no deck');
      const slot = slide.querySelectorAll<HTMLElement>('.widget-slot')[i as number];
      const fragment = slot?.querySelector<HTMLElement>(`[data-widget-step="${n}"]`);
      const before = slot?.querySelector<HTMLElement>('[data-widget-step="1"]');
      const index =
        n === 0
          ? Number(before?.dataset['fragmentIndex'] ?? 0) - 1
          : Number(fragment?.dataset['fragmentIndex']);
      const { h } = deck.getIndices(slide);
      if (deck.getCurrentSlide() === slide) deck.navigateFragment(index);
      else deck.slide(h, 0, index);
    },
    [`s-${section}`, index, step] as const,
  );
  await page.waitForFunction(
    ([id, i, n]) => {
      const slot = document
        .getElementById(id as string)
        ?.querySelectorAll<HTMLElement>('.widget-slot')[i as number];
      return slot?.querySelector<HTMLElement>('[data-widget]')?.dataset['step'] === String(n);
    },
    [`s-${section}`, index, step] as const,
  );
  await settled(page);
}

/** What the audience sees of one stage frame that breaks the rules. */
async function stageFindings(page: Page, section: string, index: number): Promise<string[]> {
  return page.evaluate(
    ([id, i]) => {
      const found: string[] = [];
      const slide = document.getElementById(id as string) as HTMLElement;
      const slot = slide.querySelectorAll<HTMLElement>('.widget-slot')[i as number];
      const root = slot?.querySelector<HTMLElement>('[data-widget]');
      if (!root) return ['no widget root'];
      if (root.dataset['face'] !== 'stage') found.push(`face is ${root.dataset['face']}`);
      const box = slide.getBoundingClientRect();
      const shown = (el: Element): boolean => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.display === 'none' || style.visibility === 'hidden') return false;
        }
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement;
        if (!text || !el || !shown(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        // Rendered size: the computed size times what scales it on the way to the screen —
        // reveal's scale for HTML, the SVG's own screen matrix (viewBox and reveal together)
        // for text inside an SVG.
        const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
        const matrix = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
        const scale =
          svg && matrix ? Math.hypot(matrix.a, matrix.b) : (window.Reveal?.getScale() ?? 1);
        const px = Number.parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < 23.95) found.push(`${px.toFixed(1)} px «${text.slice(0, 40)}»`);
        if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1) {
          found.push(`outside the slide «${text.slice(0, 40)}»`);
        }
      }
      for (const control of root.querySelectorAll('input, select, button, textarea')) {
        if (control.matches('button[name="lab"]') || !shown(control)) continue;
        found.push(`control ${control.outerHTML.slice(0, 60)}`);
      }
      const caption = root.querySelector<HTMLElement>('[role="status"]');
      if (caption && shown(caption)) {
        const lines =
          caption.getBoundingClientRect().height /
          Number.parseFloat(getComputedStyle(caption).lineHeight) /
          (window.Reveal?.getScale() ?? 1);
        if (lines > 2.6)
          found.push(`caption of ${lines.toFixed(1)} lines «${caption.textContent?.slice(0, 60)}»`);
        // Its text inside its own box (a squeezed caption spills its last line onto reveal's
        // controls), and the box inside the widget's stage.
        const words = document.createRange();
        words.selectNodeContents(caption);
        const spill = words.getBoundingClientRect().bottom - caption.getBoundingClientRect().bottom;
        if (spill > 1) found.push(`caption text ${spill.toFixed(0)} px below its box`);
        const below = caption.getBoundingClientRect().bottom - root.getBoundingClientRect().bottom;
        if (below > 1) found.push(`caption ${below.toFixed(0)} px below the widget`);
      }
      return found;
    },
    [`s-${section}`, index] as const,
  );
}

describe('widget faces: the stage the back row reads, the lab a student plays in', () => {
  let browser: TestBrowser;
  let deck: DeckPage;
  let slots: { section: string; widget: WidgetName; index: number }[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    deck = await openDeck(browser.context, `${inject('deckUrl')}#/s-1`);
    const found = await placements(deck.page);
    const seen = new Map<string, number>();
    slots = found.map((p) => {
      const index = seen.get(p.section) ?? 0;
      seen.set(p.section, index + 1);
      return { ...p, index };
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every widget slide is checked, every widget is on the kit', () => {
    const widgets = new Set(slots.map((s) => s.widget));
    expect([...widgets].sort()).toEqual(Object.keys(WIDGETS).sort());
    // The slots read from the slide files are the ones the built deck has.
    expect(SLOTS).toEqual(slots);
  });

  // One test per size and widget slot, so a finding names its slide and a slow machine never
  // runs one test past its limit.
  for (const size of SIZES) {
    for (const { section, widget, index } of SLOTS) {
      it(`stage at ${size.width}×${size.height}, slide ${section} ${widget}: ≥ 24 px, no form controls, on the slide, short caption`, async () => {
        const { page } = deck;
        await resizeTo(page, size);
        const findings: string[] = [];
        for (let step = 0; step <= WIDGETS[widget].steps; step++) {
          await showStep(page, section, index, step);
          // Step 0 of a stage slot is hidden behind the slide's own content: nothing to read.
          const open = await page.evaluate(
            ([id, i]) =>
              getComputedStyle(
                document.getElementById(id as string)?.querySelectorAll('.widget-slot')[
                  i as number
                ] as Element,
              ).visibility !== 'hidden',
            [`s-${section}`, index] as const,
          );
          if (!open) continue;
          for (const f of await stageFindings(page, section, index)) {
            findings.push(`step ${step}: ${f}`);
          }
        }
        expect(findings).toEqual([]);
      });
    }
  }

  it('lab: `L` and the toggle open it, every control is reachable by Tab, the step stays', async () => {
    const { page } = deck;
    await resizeTo(page, { width: 1280, height: 720 });
    for (const { section, widget, index } of slots) {
      if (index > 0) continue;
      const steps = WIDGETS[widget].steps;
      await showStep(page, section, index, Math.min(2, steps));
      const rootOf = `#s-${section} [data-widget="${widget}"]`;
      // A picture with nothing to try (a chart) has no lab: `L` leaves it on the stage.
      if ((await page.locator(`${rootOf} button[name="lab"]`).count()) === 0) {
        await page.keyboard.press('l');
        expect(await page.getAttribute(rootOf, 'data-face'), `slide ${section} ${widget}`).toBe(
          'stage',
        );
        continue;
      }
      await page.keyboard.press('l');
      await page.waitForSelector(`${rootOf}[data-face="lab"]`);
      expect(await page.getAttribute(rootOf, 'data-step')).toBe(String(Math.min(2, steps)));
      const unreachable = await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        return [...(el?.querySelectorAll<HTMLElement>('input, select, button, textarea') ?? [])]
          .filter((c) => c.offsetParent !== null)
          .filter((c) => c.tabIndex < 0)
          .map((c) => c.outerHTML.slice(0, 60));
      }, rootOf);
      expect(unreachable, `slide ${section} ${widget}`).toEqual([]);
      // Tab from the toggle walks through the lab's controls without leaving the widget.
      await page.focus(`${rootOf} button[name="lab"]`);
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          (sel) => document.querySelector(sel)?.contains(document.activeElement),
          rootOf,
        ),
      ).toBe(true);
      await page.click(`${rootOf} button[name="lab"]`);
      await page.waitForSelector(`${rootOf}[data-face="stage"]`);
    }
    expect(deck.errors).toEqual([]);
  });

  it('lab on a phone (reading view, 390×844): nothing scrolls sideways', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${inject('deckUrl')}?view=read`);
    await page.waitForSelector('.reading-slide');
    const wide: string[] = [];
    for (const name of Object.keys(WIDGETS) as WidgetName[]) {
      const root = `[data-widget="${name}"]`;
      // Widgets mount lazily as their slide nears the viewport: scroll there, wait for the root.
      await page.evaluate((n) => {
        const slot = document.querySelector(`.widget-slot[data-widget-slot="${n}"]`);
        (slot?.closest('article') ?? slot)?.scrollIntoView();
      }, name);
      await page.waitForSelector(root, { state: 'attached' });
      await page.waitForTimeout(100);
      const sizes = await page.evaluate((sel) => {
        const el = document.querySelector<HTMLElement>(sel);
        return {
          face: el?.dataset['face'],
          root: [el?.scrollWidth ?? 0, el?.clientWidth ?? 0],
          page: [document.documentElement.scrollWidth, window.innerWidth],
        };
      }, root);
      expect(sizes.face, name).toBe('lab');
      const [rootScroll = 0, rootWidth = 0] = sizes.root;
      const [pageScroll = 0, pageWidth = 0] = sizes.page;
      if (rootScroll > rootWidth + 1) wide.push(`${name}: ${rootScroll} > ${rootWidth}`);
      if (pageScroll > pageWidth + 1) wide.push(`${name}: page ${pageScroll} > ${pageWidth}`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });
});
