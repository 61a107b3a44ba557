/**
 * The widget runtime as the deck drives it: widgets mount when their slide is shown and leave
 * nothing behind when it is left. Walking every slide forward and back three times (every
 * fragment, so every widget step) must leave the JS heap within 10 % of where it was.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDeck, useBrowser } from './deck-page.ts';
import { heapAfterGc, objectHeapAfterGc } from './slide-walk.ts';

const deckUrl = inject('deckUrl');
const browser = useBrowser();

/** Every step forward to the end, then every step back to the start. */
async function walkThereAndBack(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const deck = window.Reveal;
    if (!deck) throw new Error('no deck');
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    deck.slide(0, 0, -1);
    for (let i = 0; i < 2000 && !(deck.isLastSlide() && !deck.availableFragments().next); i++) {
      deck.next();
      await settle();
    }
    for (let i = 0; i < 2000 && !(deck.isFirstSlide() && !deck.availableFragments().prev); i++) {
      deck.prev();
      await settle();
    }
  });
}

describe('widget lifecycle', () => {
  it('mounts a widget with its slide and removes every element when the slide is left', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    const slots = await page.$$eval('.widget-slot', (all) =>
      all.map((s) => ({
        name: (s as HTMLElement).dataset['widgetSlot'] ?? '',
        section: Number(s.closest('section')?.dataset['section']),
      })),
    );
    expect(slots.length).toBeGreaterThan(0);
    // A chart slide: its widget appears, then disappears when we move on.
    await page.evaluate(() => {
      const deck = window.Reveal;
      const slide = document.getElementById('s-4');
      if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, 0);
    });
    await page.waitForSelector('#s-4 [data-widget="chart-throughput"] canvas');
    expect(await page.$$eval('[data-widget]', (r) => r.length)).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal?.getCurrentSlide().id !== 's-4');
    expect(await page.$$eval('[data-widget="chart-throughput"]', (r) => r.length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the clicker drives widget steps: → advances data-step, ← goes back, a jump snaps', async () => {
    const { page } = await openDeck(browser.context, deckUrl);
    await page.evaluate(() => {
      const deck = window.Reveal;
      const slide = document.getElementById('s-4');
      if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, -1);
    });
    const step = () =>
      page.$eval('[data-widget="chart-throughput"]', (r) => (r as HTMLElement).dataset['step']);
    await page.waitForSelector('[data-widget="chart-throughput"]');
    expect(await step()).toBe('0');
    await page.keyboard.press('ArrowRight');
    await expect.poll(step).toBe('1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(step).toBe('2');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(step).toBe('1');
    // Leave and come back at the last fragment: the widget snaps to its last step.
    await page.evaluate(() => {
      const deck = window.Reveal;
      const slide = document.getElementById('s-4');
      if (!deck || !slide) return;
      deck.slide(0, 0, 0);
      deck.slide(deck.getIndices(slide).h, 0, 99);
    });
    await expect.poll(step).toBe('2');
    await page.close();
  });

  it('prefers-reduced-motion gives the same steps with no animation running', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const section of [17, 29]) {
      await page.evaluate((id) => {
        const deck = window.Reveal;
        const slide = document.getElementById(id);
        const first = slide?.querySelector<HTMLElement>('.widget-step');
        if (!deck || !slide || !first) throw new Error(`no widget steps on ${id}`);
        deck.slide(deck.getIndices(slide).h, 0, Number(first.dataset['fragmentIndex']) - 1);
      }, `s-${section}`);
      // A stage slot stays hidden at step 0, so wait for the root to exist, not to be visible.
      await page.waitForSelector(`#s-${section} [data-widget][data-step="0"]`, {
        state: 'attached',
      });
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`#s-${section} [data-widget][data-step="1"]`);
      // Same step content as with motion: the caption is already final, nothing is in flight.
      const running = await page.evaluate(
        () => document.getAnimations().filter((a) => a.playState === 'running').length,
      );
      expect(running, `animations running on slide ${section}`).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walking every slide and step there and back three times leaves the heap within 10 %', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    const cdp = await browser.context.newCDPSession(page);
    // Warm-up walks load every widget module and let V8 compile and optimise their code (feedback
    // vectors and optimised code live in the heap): measured here, the first two walks add ~0.5 MB
    // once, then the heap stays nearly flat; the per-walk figures are printed to show any trend.
    await walkThereAndBack(page);
    await walkThereAndBack(page);
    // Judged on the objects the heap retains; the whole heap (compiled code included) is printed.
    const before = await objectHeapAfterGc(cdp);
    const walks: number[] = [];
    const whole: number[] = [await heapAfterGc(cdp)];
    for (let i = 0; i < 3; i++) {
      await walkThereAndBack(page);
      walks.push(await objectHeapAfterGc(cdp));
      whole.push(await heapAfterGc(cdp));
    }
    console.log(
      `[bench] object heap per walk: ${walks.map((w) => (w / 1e6).toFixed(2)).join(', ')} MB`,
    );
    console.log(
      `[bench] whole JS heap (with compiled code): ${whole.map((w) => (w / 1e6).toFixed(2)).join(' → ')} MB`,
    );
    const after = walks[walks.length - 1] ?? 0;
    console.log(
      `[bench] object heap after warm-up ${(before / 1e6).toFixed(2)} MB, after 3 walks ${(after / 1e6).toFixed(2)} MB (${(((after - before) / before) * 100).toFixed(1)} %)`,
    );
    expect(after).toBeLessThanOrEqual(before * 1.1);
    expect(await page.$$eval('[data-widget]', (r) => r.length)).toBeLessThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 900_000); // five walks of every widget step: minutes on a busy machine
});
