/**
 * A `Slide-note:` block (docs/SLIDE-FORMAT.md) reaches the lecturer wherever the notes are read:
 * the speaker view, the reading view and the print page the PDF handout is made from each show
 * it under «На слайде», apart from the lecturer's text and before «Проверка фактов».
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { expectedSlides } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const withNote = expectedSlides().filter((slide) => slide.slideNote !== null && !slide.hidden);
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The «На слайде» blocks under `root` of each section: heading, text, and whether a fact-check follows. */
function slideNotes(page: Page, sectionSelector: string) {
  return page.$$eval(sectionSelector, (sections) =>
    sections.map((section) => {
      const note = section.querySelector('.slide-note');
      const next = note?.nextElementSibling;
      return {
        section: Number(
          (section as HTMLElement).dataset['section'] ?? section.id.replace(/\D+/g, ''),
        ),
        heading: note?.querySelector('strong')?.textContent ?? null,
        text: note?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        factCheckAfter: next?.classList.contains('fact-check') ?? false,
      };
    }),
  );
}

const firstWords = (text: string): string =>
  text.replace(/[`*]/g, '').replace(/\s+/g, ' ').split(' ').slice(0, 5).join(' ');

describe('Slide-note blocks in every view of the notes', () => {
  it('the lecture has slides with a Slide-note', () => {
    expect(withNote.map((s) => s.section)).toEqual(expect.arrayContaining([2, 10, 25, 39]));
  });

  it('the reading view shows each under «На слайде», before the fact-check', async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL('?view=read', deckUrl).href);
    await page.waitForSelector('.reading-slide');
    const found = await slideNotes(page, '.reading-slide');
    for (const slide of withNote) {
      const view = found.find((f) => f.section === slide.section && f.heading !== null);
      expect(view?.heading, `section ${slide.section}`).toBe('На слайде');
      expect(view?.text).toContain(firstWords(slide.slideNote ?? ''));
      expect(view?.factCheckAfter).toBe(slide.factCheck !== null);
    }
    await page.close();
  });

  it('the print page (PDF handout) carries each in the slide notes', async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL('?view=print', deckUrl).href);
    await page.waitForFunction(() => document.documentElement.dataset['printReady'] === 'true');
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
    for (const slide of withNote) {
      expect(text, `section ${slide.section}`).toContain(firstWords(slide.slideNote ?? ''));
    }
    expect(await page.locator('.slide-note').count()).toBeGreaterThanOrEqual(withNote.length);
    await page.close();
  });

  it('the speaker view shows the current slide’s note under «На слайде»', async () => {
    const slide = withNote.find((s) => s.section === 25) ?? withNote[0];
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(new URL(`#/s-${slide?.section}`, deckUrl).href);
    await page.waitForFunction(() => window.Reveal?.isReady() === true);
    const popupOpened = browser.context.waitForEvent('page');
    await page.keyboard.press('s');
    const popup = await popupOpened;
    await popup.locator('.speaker-view .slide-note').waitFor();
    const note = popup.locator('.speaker-view .slide-note');
    expect(await note.locator('strong').innerText()).toBe('На слайде');
    expect((await note.innerText()).replace(/\s+/g, ' ')).toContain(
      firstWords(slide?.slideNote ?? ''),
    );
    await popup.close();
    await page.close();
  });
});
