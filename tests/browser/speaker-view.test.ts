/**
 * reveal.js's speaker view as the lecturer uses it: `S` opens a popup with the current slide's
 * notes (starting with the plan line), the next slide, a clock, a timer and pacing — and it runs
 * under the deck's Content-Security-Policy without errors.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { foreignRequests, openDeck, repoRoot } from './deck-page.ts';

const deckUrl = inject('deckUrl');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(join(repoRoot, 'test-results', 'screenshots'), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('speaker view', () => {
  it('opens with S and shows notes, the next slide, the clock and pacing', async () => {
    const { page, errors, requests } = await openDeck(browser.context, `${deckUrl}?minutes=60`);
    await page.evaluate(() => window.Reveal?.slide(1));
    const expected = await page.evaluate(() => ({
      plan: window.Reveal?.getCurrentSlide().querySelector('.notes-plan')?.textContent ?? '',
      next: window.Reveal?.getSlides()[2]?.querySelector('h2')?.textContent ?? '',
    }));
    const popupPromise = browser.context.waitForEvent('page');
    await page.keyboard.press('s');
    const popup = await popupPromise;
    const popupErrors: string[] = [];
    popup.on('console', (m) => {
      if (m.type() === 'error') popupErrors.push(m.text());
    });
    popup.on('pageerror', (e) => popupErrors.push(e.message));

    const notes = popup.locator('.speaker-controls-notes .value');
    await expect.poll(() => notes.textContent(), { timeout: 15_000 }).toContain(expected.plan);
    expect(expected.plan).toMatch(/^План: .+ из 60 мин · в лекции: /);

    // The upcoming-slide preview is a same-origin deck iframe positioned one slide ahead.
    const upcoming = popup.frameLocator('#upcoming-slide iframe');
    await expect
      .poll(() => upcoming.locator('.slides > section.present h2').textContent(), {
        timeout: 15_000,
      })
      .toBe(expected.next);

    await expect.poll(() => popup.locator('.clock-value').textContent()).toMatch(/\d{1,2}:\d{2}/);
    await expect
      .poll(() => popup.locator('.speaker-controls-time .pacing').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await popup.locator('.speaker-controls-time .timer').textContent()).toMatch(
      /\d{2}:\d{2}:\d{2}/,
    );

    await popup.setViewportSize({ width: 1280, height: 800 });
    await popup.waitForTimeout(1000);
    await popup.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'speaker-view.png'),
    });

    expect(popupErrors).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, deckUrl)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
