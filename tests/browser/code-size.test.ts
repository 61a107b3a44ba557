/**
 * Code stays readable from the back row, walked slide by slide and step by step as the lecturer
 * clicks through (→) at 1280×720:
 * - every code block the audience sees is at least 20 px on screen (the font after the slide's
 *   fit zoom, src/deck/fit-slide.ts, and reveal.js's own scale), and its longest line is whole
 *   (no horizontal scroll hiding its end). A snippet too long for its slide is split over steps
 *   or regions, or scrolls inside its block with `steps=`, rather than shrink;
 * - lines outside the current step are dimmed by colour, not opacity: every token in use keeps
 *   ≥ 4.5:1 on the code background (the palette itself: tests/unit/styles/code-contrast.test.ts);
 * - a block that scrolls shows the current step's lines whole, from a whole first line.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contrastRatio } from '../unit/styles/contrast.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { expectedSlides, openDeck } from './deck-page.ts';

const MIN_CODE_PX = 20;
const MIN_CONTRAST = 4.5;
const deckUrl = inject('deckUrl');
const withCode = expectedSlides().filter((s) => !s.hidden && /^```/m.test(s.body));
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ page } = await openDeck(browser.context, deckUrl));
  await page.setViewportSize({ width: 1280, height: 720 });
  // Colours are read at once, not halfway through a transition.
  await page.addStyleTag({ content: '*, *::before { transition: none !important; }' });
});
afterAll(async () => {
  await browser?.close();
});

/** What one code block shows at one step. */
interface BlockState {
  readonly file: string;
  /** The code's font size on screen, px. */
  readonly px: number;
  /** How far the longest line runs past the block's right edge, px (0: every line whole). */
  readonly cut: number;
  /** Lines of the current step, and those of them not wholly inside the scrolled view. */
  readonly active: number[];
  readonly activeHidden: number[];
  /** A line cut by the top edge of a scrolled view (0: none). */
  readonly cutTop: number;
  /** Tokens (class, colour, its contrast) on dimmed lines, and the lowest contrast. */
  readonly dimmed: ReadonlyArray<readonly [string, string, number]>;
}

/** Every code block the audience can see on the current slide. */
function visibleBlocks(page: Page, id: string): Promise<Omit<BlockState, 'dimmed'>[]> {
  return page.evaluate((slideId) => {
    const section = document.getElementById(slideId);
    const scale = window.Reveal?.getScale() ?? 1;
    const states: Omit<BlockState, 'dimmed'>[] = [];
    for (const block of section?.querySelectorAll<HTMLElement>('.code-block') ?? []) {
      const pre = block.querySelector('pre');
      const code = block.querySelector('code');
      const lines = [...block.querySelectorAll<HTMLElement>('.code-line')];
      const first = lines[0];
      if (!pre || !code || !first) continue;
      if (!block.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // A widget's stage covers the code from its first step on.
      const view = pre.getBoundingClientRect();
      const probe = document.elementFromPoint(view.left + 40, view.top + 8);
      if (!probe || !block.contains(probe)) continue;
      const fontPx = Math.min(
        ...lines.map((line) => parseFloat(getComputedStyle(line).fontSize) * line.currentCSSZoom),
      );
      const lineNumber = (line: HTMLElement): number => Number(line.dataset['line']);
      const active = lines.filter((l) => l.classList.contains('code-line--active'));
      const inView = (line: HTMLElement): boolean => {
        const box = line.getBoundingClientRect();
        return box.top >= view.top + pre.clientTop - 1 && box.bottom <= view.bottom + 1;
      };
      const scrolled = pre.scrollHeight > pre.clientHeight + 1;
      const top = scrolled
        ? lines.find((l) => {
            const box = l.getBoundingClientRect();
            const edge = view.top + pre.clientTop;
            return box.top < edge - 1 && box.bottom > edge + 1;
          })
        : undefined;
      states.push({
        file: block.dataset['file'] ?? '(inline)',
        px: fontPx * scale,
        cut: Math.max(0, pre.scrollWidth - pre.clientWidth),
        active: active.map(lineNumber),
        activeHidden: scrolled ? active.filter((l) => !inView(l)).map(lineNumber) : [],
        cutTop: top ? lineNumber(top) : 0,
      });
    }
    return states;
  }, id);
}

/** The colour of every token (and plain text) on the dimmed lines of the current slide's blocks. */
function dimmedColours(page: Page, id: string): Promise<[string, string, string][]> {
  return page.evaluate((slideId) => {
    const found: [string, string, string][] = [];
    const section = document.getElementById(slideId);
    for (const block of section?.querySelectorAll<HTMLElement>('.code-block--focus') ?? []) {
      const background = getComputedStyle(block).backgroundColor;
      for (const line of block.querySelectorAll<HTMLElement>(
        '.code-line:not(.code-line--active)',
      )) {
        for (const element of [line, ...line.querySelectorAll<HTMLElement>('.token')]) {
          const hasText = [...element.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
          );
          if (!hasText) continue;
          // Opacity on the line or above would dim the colour read here; it must stay 1.
          let opacity = 1;
          for (let e: Element | null = element; e && e !== block; e = e.parentElement)
            opacity *= Number(getComputedStyle(e).opacity);
          const name = element === line ? 'text' : [...element.classList].join('.');
          found.push([
            opacity === 1 ? name : `${name} (opacity ${opacity})`,
            getComputedStyle(element).color,
            background,
          ]);
        }
        const number = getComputedStyle(line, '::before').color;
        found.push(['line-number', number, background]);
      }
    }
    return found;
  }, id);
}

/** Shows slide `id` at its first state; → then walks its steps. */
async function openSlide(id: string): Promise<void> {
  await page.evaluate((slideId) => {
    const deck = window.Reveal;
    const element = document.getElementById(slideId);
    if (deck && element) deck.slide(deck.getIndices(element).h, 0, -1);
  }, id);
  // Widgets mount and the body is re-fitted after the slide change.
  await page.waitForTimeout(250);
}

async function nextStep(): Promise<boolean> {
  const moved = await page.evaluate(() => window.Reveal?.nextFragment() ?? false);
  if (moved) await page.waitForTimeout(60);
  return moved;
}

describe('code on slides at 1280×720, every step', () => {
  const small: string[] = [];
  const cut: string[] = [];
  const hiddenSteps: string[] = [];
  const lowContrast: string[] = [];
  const tokensSeen = new Set<string>();
  let blocksSeen = 0;
  let stepsSeen = 0;

  beforeAll(async () => {
    for (const slide of withCode) {
      const id = `s-${slide.section}`;
      await openSlide(id);
      let step = 0;
      do {
        stepsSeen += 1;
        const where = `slide ${slide.section} step ${step}`;
        for (const block of await visibleBlocks(page, id)) {
          blocksSeen += 1;
          if (block.px < MIN_CODE_PX)
            small.push(`${where} ${block.file}: ${block.px.toFixed(1)} px`);
          if (block.cut > 0) cut.push(`${where} ${block.file}: ${block.cut} px past the edge`);
          if (block.activeHidden.length > 0)
            hiddenSteps.push(`${where} ${block.file}: lines ${block.activeHidden} out of view`);
          if (block.cutTop > 0)
            hiddenSteps.push(`${where} ${block.file}: line ${block.cutTop} cut at the top`);
        }
        for (const [token, colour, background] of await dimmedColours(page, id)) {
          tokensSeen.add(token);
          const ratio = contrastRatio(colour, background);
          if (ratio < MIN_CONTRAST)
            lowContrast.push(`${where}: ${token} ${colour} on ${background} = ${ratio.toFixed(2)}`);
        }
        step += 1;
      } while (await nextStep());
    }
  }, 300_000);

  it('walks every code slide', () => {
    expect(withCode.length).toBeGreaterThanOrEqual(20);
    expect(stepsSeen).toBeGreaterThan(withCode.length * 3);
    expect(blocksSeen).toBeGreaterThanOrEqual(withCode.length);
  });

  it(`shows code at ≥ ${MIN_CODE_PX} px on screen in every block at every step`, () => {
    expect(small, 'code below the minimum').toEqual([]);
  });

  it('shows every line whole (long lines are not cut off or scrolled sideways)', () => {
    expect(cut).toEqual([]);
  });

  it(`dims lines by colour only, every token in use ≥ ${MIN_CONTRAST}:1`, () => {
    // Text, comments, keywords, strings, numbers, functions… all met on some dimmed line.
    expect(tokensSeen.size).toBeGreaterThanOrEqual(8);
    expect([...tokensSeen].filter((t) => t.includes('opacity'))).toEqual([]);
    expect(lowContrast).toEqual([]);
  });

  it('keeps the current step in view in a scrolled block, from a whole first line', () => {
    expect(hiddenSteps).toEqual([]);
  });
});
