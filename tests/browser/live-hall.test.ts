/**
 * The hall, end to end (issue 15 §3): the real lecturer's deck (`lecturerUrl`, 1280×720), two
 * students' phones (`joinUrl`, 390×844) and the lecturer's remote (`remoteUrl`) through the real
 * lecture server serving this run's build. The phones follow the deck's slides and widget steps,
 * both vote on the stage's question and the server counts both, `V` shows the votes on the phones,
 * the step that plays the answer tells each phone whether it was right, and the remote's → moves
 * the deck (and so the phones).
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../src/live-server/server.ts';
import { pageErrors, repoRoot, screenshotsDir, useBrowser } from './deck-page.ts';

const deckDir = resolve(repoRoot, process.env['DECK_OUT_DIR'] ?? 'dist');

/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000 });
}

/** The lecturer's current slide id and its first widget's step, as the deck shows them. */
function lecturerAt(page: Page): Promise<{ slide: string; step: string | null }> {
  return page.evaluate(() => {
    const slide = window.Reveal?.getCurrentSlide();
    return {
      slide: slide?.id ?? '',
      step: slide?.querySelector('[data-widget]')?.getAttribute('data-step') ?? null,
    };
  });
}

/** Moves the lecturer's deck to slide `id`, before its first fragment. */
async function goTo(page: Page, id: string): Promise<void> {
  await page.evaluate((target) => {
    const deck = window.Reveal;
    const slide = document.getElementById(target);
    if (!deck || !slide) throw new Error(`no slide ${target}`);
    deck.slide(deck.getIndices(slide).h, 0, -1);
  }, id);
}

/** What a phone shows: its slide id and its first widget's step. */
function phoneAt(page: Page): Promise<{ slide: string; step: string | null }> {
  return page.evaluate(() => {
    const article = document.querySelector<HTMLElement>('.follow-slide');
    return {
      slide: article?.dataset['slide'] ?? '',
      step: article?.querySelector('[data-widget]')?.getAttribute('data-step') ?? null,
    };
  });
}

describe('live mode in the hall: the lecturer’s deck, two phones and the remote through the real server', () => {
  const browser = useBrowser();
  let server: LiveServer;
  let deck: Page;
  let phones: Page[] = [];
  let remote: Page;
  const errors: string[][] = [];

  beforeAll(async () => {
    server = await startLiveServer({ root: deckDir, port: 0, host: '127.0.0.1' });
    deck = await browser.context.newPage();
    errors.push(pageErrors(deck));
    await deck.setViewportSize({ width: 1280, height: 720 });
    await deck.goto(server.lecturerUrl);
    await deck.waitForFunction(() => window.Reveal?.isReady() === true);
    phones = [];
    for (let i = 0; i < 2; i++) {
      const phone = await browser.context.newPage();
      errors.push(pageErrors(phone));
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(server.joinUrl);
      phones.push(phone);
    }
    remote = await browser.context.newPage();
    errors.push(pageErrors(remote));
    await remote.setViewportSize({ width: 390, height: 844 });
    await remote.goto(server.remoteUrl);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every phone ends on what the lecturer's deck shows (its widget mounts a moment later). */
  async function phonesFollow(): Promise<void> {
    for (const phone of phones)
      await poll(async () => {
        const [want, got] = await Promise.all([lecturerAt(deck), phoneAt(phone)]);
        const same = want.slide === got.slide && want.step === got.step;
        return same ? 'same' : `deck ${JSON.stringify(want)}, phone ${JSON.stringify(got)}`;
      }).toBe('same');
  }

  it('the phones follow the deck’s slides and widget steps', async () => {
    await phonesFollow();
    await poll(() => server.session.census().follower).toBe(2);
    await goTo(deck, 's-17');
    await phonesFollow();
    expect((await phoneAt(phones[0]!)).slide).toBe('s-17');
    for (let i = 0; i < 3; i++) {
      await deck.keyboard.press('ArrowRight');
      await phonesFollow();
    }
    const at = await lecturerAt(deck);
    expect(at.slide === 's-17' ? Number(at.step) : 1).toBeGreaterThan(0);
  });

  it('both phones vote on the stage’s question, V shows the votes, the answer step says who was right', async () => {
    await goTo(deck, 's-29');
    await phonesFollow();
    // Step on until the stage asks the hall (the phones show the vote).
    const first = phones[0]!;
    for (let i = 0; i < 10 && !(await first.isVisible('.follow-vote-choice')); i++) {
      await deck.keyboard.press('ArrowRight');
      await phonesFollow();
    }
    await first.waitForSelector('.follow-vote-choice');
    const question = server.session.tally()?.question;
    expect(question).toBeTruthy();
    await first.click('.follow-vote-choice[data-choice="0"]');
    await phones[1]!.click('.follow-vote-choice[data-choice="1"]');
    for (const phone of phones)
      await poll(() => phone.locator('.follow-vote-status').textContent()).toMatch(
        /^Ваш ответ: [АБ] — можно изменить до показа$/,
      );
    expect(server.session.tally()?.counts.slice(0, 2)).toEqual([1, 1]);
    await first.screenshot({ path: join(screenshotsDir(), 'live-hall-phone-vote.png') });

    await deck.keyboard.press('v');
    for (const phone of phones) {
      await phone.waitForSelector('.follow-vote-bars');
      await poll(() =>
        phone.locator('.follow-vote-bar[data-choice="0"] .follow-vote-bar-count').textContent(),
      ).toBe('1 · 50 %');
    }
    await deck.screenshot({ path: join(screenshotsDir(), 'live-hall-deck-votes.png') });
    // The next step plays the answer: each phone says whether its own choice was right.
    await deck.keyboard.press('ArrowRight');
    for (const phone of phones)
      await poll(() => phone.locator('.follow-vote-result').textContent()).toMatch(
        /^Правильный ответ: [А-Г]\. (Вы ответили верно!|Ваш ответ [АБ] — неверно\.)$/,
      );
    await first.screenshot({ path: join(screenshotsDir(), 'live-hall-phone-answer.png') });
    const results = await Promise.all(
      phones.map((p) => p.locator('.follow-vote-result').textContent()),
    );
    // Two different choices: at most one of the two phones was right.
    expect(results.filter((r) => r?.includes('верно!')).length).toBeLessThanOrEqual(1);
  });

  it('the remote’s → moves the deck, and the phones with it', async () => {
    await remote.waitForSelector('button[name="next"]:not([disabled])');
    const before = await deck.evaluate(() => window.Reveal!.getState());
    await remote.click('button[name="next"]');
    await poll(() => deck.evaluate(() => window.Reveal!.getState())).not.toEqual(before);
    await phonesFollow();
    const now = await lecturerAt(deck);
    await poll(() => remote.locator('.remote-slide-title').textContent()).toBe(
      await deck.evaluate(
        () =>
          window.Reveal?.getCurrentSlide().querySelector('.slide-title, h1')?.textContent?.trim() ??
          '',
      ),
    );
    expect(now.slide).toMatch(/^s-\d+$/);
    for (const e of errors) expect(e).toEqual([]);
  });
});
