/**
 * The two faces of every kit widget, checked from outside as the hall and a student see them.
 * Stage (the deck): on every widget slide, at every step, at 1280×720 and 1920×1080, no visible
 * text under 24 px on screen (CSS zoom included, and a chart's canvas labels), no input, select or
 * button but the lab toggle, nothing outside the slide, a caption of at most two lines, all inside
 * its box and the box inside the widget. Lab: `L` and the toggle open and close it on the same
 * step and story; every control is reachable by Tab; exchange-routing's fits at 1280×720 without
 * scrolling where it asks its question. Phone (the reading view at 390×844): every slot's lab
 * reflows, neither the page nor a box inside the widget scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WIDGETS, type WidgetName } from '../../src/lecture/names.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGET_MARKER, parseSlide, type ParsedSlide } from '../../src/pipeline/parse-slide.ts';
import { chartFontSize } from '../../src/widgets/charts/bar-chart.ts';
import { ROUTING_QUESTION_STEPS } from '../../src/widgets/exchange-routing/questions.ts';
import type { RoutingStory } from '../../src/widgets/exchange-routing/story.ts';
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
  const { found, canvases } = await frameFindings(page, section, index);
  // A chart's labels are drawn in its canvas, not text nodes: the chart's own font rule for its
  // width, times what scales the canvas on the way to the screen.
  for (const { width, scale } of canvases) {
    const px = chartFontSize(width) * scale;
    if (px < 23.95) found.push(`${px.toFixed(1)} px chart labels (canvas ${width} px wide)`);
  }
  return found;
}

/** The rule-breaking text, controls and caption of one stage frame, and its charts' canvases. */
async function frameFindings(
  page: Page,
  section: string,
  index: number,
): Promise<{ found: string[]; canvases: { width: number; scale: number }[] }> {
  return page.evaluate(
    ([id, i]) => {
      const found: string[] = [];
      const slide = document.getElementById(id as string) as HTMLElement;
      const slot = slide.querySelectorAll<HTMLElement>('.widget-slot')[i as number];
      const root = slot?.querySelector<HTMLElement>('[data-widget]');
      if (!root) return { found: ['no widget root'], canvases: [] };
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
        // reveal's scale and any CSS zoom on the way (the slide fit zooms a tall body down) for
        // HTML, the SVG's own screen matrix (viewBox, zoom and reveal together) for text inside
        // an SVG. The computed font size leaves the zoom out.
        const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
        const matrix = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
        const scale =
          svg && matrix
            ? Math.hypot(matrix.a, matrix.b)
            : (window.Reveal?.getScale() ?? 1) * el.currentCSSZoom;
        const px = Number.parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < 23.95) found.push(`${px.toFixed(1)} px «${text.slice(0, 40)}»`);
        if (
          r.right > box.right + 1 ||
          r.bottom > box.bottom + 1 ||
          r.left < box.left - 1 ||
          r.top < box.top - 1
        ) {
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
          ((window.Reveal?.getScale() ?? 1) * caption.currentCSSZoom);
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
      const canvases = [...root.querySelectorAll('canvas')]
        .filter((c) => shown(c))
        .map((c) => ({
          width: c.clientWidth,
          scale: (window.Reveal?.getScale() ?? 1) * c.currentCSSZoom,
        }));
      return { found, canvases };
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

  it('lab: `L` and the toggle open and close it, the step and story stay, every control is reachable by Tab', async () => {
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
      // The story's caption at this step: the lab and the stage after it tell the same one.
      const caption = (): Promise<string> =>
        page.$eval(`${rootOf} [role="status"]`, (c) => c.textContent ?? '');
      const told = await caption();
      expect(told, `slide ${section} ${widget}`).not.toBe('');
      await page.keyboard.press('l');
      await page.waitForSelector(`${rootOf}[data-face="lab"]`);
      expect(await page.getAttribute(rootOf, 'data-step')).toBe(String(Math.min(2, steps)));
      expect(await caption(), `slide ${section} ${widget}: the lab tells the stage's story`).toBe(
        told,
      );
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
      // `L` closes it again (focus on the page, not in a field), on the same step and story;
      // then the toggle opens and closes it.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('l');
      await page.waitForSelector(`${rootOf}[data-face="stage"]`);
      expect(await page.getAttribute(rootOf, 'data-step')).toBe(String(Math.min(2, steps)));
      expect(await caption(), `slide ${section} ${widget} after closing`).toBe(told);
      await page.click(`${rootOf} button[name="lab"]`);
      await page.waitForSelector(`${rootOf}[data-face="lab"]`);
      await page.click(`${rootOf} button[name="lab"]`);
      await page.waitForSelector(`${rootOf}[data-face="stage"]`);
      expect(await page.getAttribute(rootOf, 'data-step')).toBe(String(Math.min(2, steps)));
    }
    expect(deck.errors).toEqual([]);
  });

  it('lab at 1280×720: its caption is on the slide and in view, at the first and the last step', async () => {
    const { page } = deck;
    await resizeTo(page, { width: 1280, height: 720 });
    const hidden: string[] = [];
    let checked = 0;
    for (const { section, widget, index } of slots) {
      if (index > 0) continue;
      const rootOf = `#s-${section} [data-widget="${widget}"]`;
      // The widget mounts when its slide is shown; a chart has no lab.
      await showStep(page, section, index, 0);
      if ((await page.locator(`${rootOf} button[name="lab"]`).count()) === 0) continue;
      checked++;
      for (const step of [0, WIDGETS[widget].steps]) {
        await showStep(page, section, index, step);
        // The toggle of this widget (on slide 41 `L` opens the open or the first of its two; at
        // step 0 the stage is closed and its toggle hidden, so it is pressed from the page).
        const toggle = (): Promise<void> =>
          page.$eval(`${rootOf} button[name="lab"]`, (b) => (b as HTMLButtonElement).click());
        await toggle();
        await page.waitForSelector(`${rootOf}[data-face="lab"]`);
        await settled(page);
        const off = await page.$eval(rootOf, (root) => {
          const caption = root.querySelector('[role="status"]');
          const slide = root.closest('section');
          if (!caption || !slide) return 'no caption';
          const c = caption.getBoundingClientRect();
          const r = root.getBoundingClientRect();
          const bottom = Math.min(r.bottom, slide.getBoundingClientRect().bottom);
          return c.bottom > bottom + 1 || c.top < r.top - 1
            ? `caption at ${c.top.toFixed(0)}…${c.bottom.toFixed(0)} px, in view to ${bottom.toFixed(0)}`
            : '';
        });
        if (off) hidden.push(`slide ${section} ${widget}, step ${step}: ${off}`);
        await toggle();
        await page.waitForSelector(`${rootOf}[data-face="stage"]`, { state: 'attached' });
      }
    }
    expect(checked, 'widget slides with a lab').toBeGreaterThan(15);
    expect(hidden).toEqual([]);
  });

  it('lab at 1280×720: exchange-routing fits without scrolling where it asks its question', async () => {
    const { page } = deck;
    await resizeTo(page, { width: 1280, height: 720 });
    const scrolled: string[] = [];
    let asked = 0;
    for (const { section, widget, index } of slots) {
      if (widget !== 'exchange-routing') continue;
      const rootOf = `#s-${section} [data-widget="${widget}"]`;
      const story = await page.evaluate(
        ([id, i]) =>
          document.getElementById(id as string)?.querySelectorAll<HTMLElement>('.widget-slot')[
            i as number
          ]?.dataset['widgetStory'] ?? '',
        [`s-${section}`, index] as const,
      );
      const steps = ROUTING_QUESTION_STEPS[story as RoutingStory];
      expect(steps, `slide ${section}: story «${story}»`).toBeDefined();
      for (const step of steps) {
        await showStep(page, section, index, step);
        await page.$eval(`${rootOf} button[name="lab"]`, (b) => (b as HTMLButtonElement).click());
        await page.waitForSelector(`${rootOf}[data-face="lab"]`);
        await settled(page);
        const { question, over } = await page.$eval(rootOf, (root) => ({
          question: root.querySelector(':scope > .w-question:not([hidden])') !== null,
          over: root.scrollHeight - root.clientHeight,
        }));
        if (question) asked++;
        // The question box took the room the toolbar had: the toolbar sat under the caption.
        if (over > 1) scrolled.push(`slide ${section} step ${step}: the lab scrolls by ${over} px`);
        await page.$eval(`${rootOf} button[name="lab"]`, (b) => (b as HTMLButtonElement).click());
        await page.waitForSelector(`${rootOf}[data-face="stage"]`, { state: 'attached' });
      }
    }
    // Slide 17 asks at steps 0 and 4, slide 18 at 0, slide 26 at 0 and 3.
    expect(asked, 'exchange-routing question steps in the lab').toBe(5);
    expect(scrolled).toEqual([]);
  });

  it('lab on a phone (reading view, 390×844): every slot reflows, nothing scrolls sideways', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${inject('deckUrl')}?view=read`);
    await page.waitForSelector('.reading-slide');
    const wide: string[] = [];
    for (const { section, widget, index } of SLOTS) {
      const name = `slide ${section} ${widget}`;
      // Widgets mount lazily as their slide nears the viewport: scroll there, wait for the root.
      await page.evaluate(
        (s) => document.querySelector(`.reading-slide[data-section="${s}"]`)?.scrollIntoView(),
        section,
      );
      const root = page
        .locator(`.reading-slide[data-section="${section}"] .widget-slot`)
        .nth(index)
        .locator('[data-widget]')
        .first();
      await root.waitFor({ state: 'attached' });
      await page.waitForTimeout(100);
      const sizes = await root.evaluate((el) => {
        // A box inside the widget that scrolls sideways is as bad as the page doing it (the
        // celery timeline did): the student must swipe inside the picture to see its end.
        const inner = [...el.querySelectorAll<HTMLElement>('*')]
          .filter((box) => {
            const overflow = getComputedStyle(box).overflowX;
            return (
              (overflow === 'auto' || overflow === 'scroll') &&
              box.clientWidth > 0 &&
              box.scrollWidth > box.clientWidth + 1
            );
          })
          .map((box) => `${box.className}: ${box.scrollWidth} > ${box.clientWidth}`);
        return {
          face: (el as HTMLElement).dataset['face'],
          root: [el.scrollWidth, el.clientWidth],
          page: [document.documentElement.scrollWidth, window.innerWidth],
          inner,
        };
      });
      expect(sizes.face, name).toBe('lab');
      const [rootScroll = 0, rootWidth = 0] = sizes.root;
      const [pageScroll = 0, pageWidth = 0] = sizes.page;
      if (rootScroll > rootWidth + 1) wide.push(`${name}: ${rootScroll} > ${rootWidth}`);
      if (pageScroll > pageWidth + 1) wide.push(`${name}: page ${pageScroll} > ${pageWidth}`);
      for (const box of sizes.inner) wide.push(`${name}: ${box}`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });
});
