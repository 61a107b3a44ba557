/**
 * Code stays readable from the back row: on every slide with a code block, the code's font size
 * after the slide's fit zoom (src/deck/fit-slide.ts) is at least 20 deck pixels at 1280×720.
 * A snippet too long for its slide should scroll inside its block with `steps=`, or be split
 * into blocks shown one after the other, rather than shrink the whole slide.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { expectedSlides, openDeck } from './deck-page.ts';

const MIN_CODE_PX = 20;
const deckUrl = inject('deckUrl');
const withCode = expectedSlides().filter((s) => !s.hidden && /^```/m.test(s.body));
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('code on slides', () => {
  it(`is at least ${MIN_CODE_PX} px after the fit zoom on every code slide`, async () => {
    expect(withCode.length).toBeGreaterThanOrEqual(20);
    const { page } = await openDeck(browser.context, deckUrl);
    await page.setViewportSize({ width: 1280, height: 720 });
    const small: string[] = [];
    for (const slide of withCode) {
      await page.evaluate((id) => {
        const deck = window.Reveal;
        const element = document.getElementById(id);
        if (deck && element) deck.slide(deck.getIndices(element).h, 0);
      }, `s-${slide.section}`);
      // Widgets mount and the body is re-fitted after the slide change.
      await page.waitForTimeout(250);
      const px = await page.evaluate((id) => {
        const section = document.getElementById(id);
        const body = section?.querySelector<HTMLElement>('.slide-body');
        const code = section?.querySelector('.code-block code');
        if (!body || !code) return 0;
        return parseFloat(getComputedStyle(code).fontSize) * Number(body.style.zoom || 1);
      }, `s-${slide.section}`);
      if (px < MIN_CODE_PX) small.push(`${slide.file}: ${px.toFixed(1)} px`);
    }
    expect(small, 'code shrunk below the minimum').toEqual([]);
    await page.close();
  });
});
