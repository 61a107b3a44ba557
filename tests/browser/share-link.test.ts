/**
 * A widget's state in a link (issue 15 §1), in the built deck: a student acts in slide 14's lab
 * (redis-list-queue), takes the link from «Поделиться», and a fresh browser opening it finds the
 * same state — step, caption, read-outs — in the site, the reading view on a phone, the installed
 * site offline (service worker) and the one file from file:// with the network blocked. Forged,
 * truncated and oversized links get a Russian note and change nothing else. `Q` on the stage
 * shows the state's QR code (axe, focus, Esc/Q), or says why not from file://.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WIDGETS } from '../../src/lecture/names.ts';
import { celeryLogic } from '../../src/widgets/celery-retries/logic.ts';
import { SHARE_MESSAGES, encodeShare } from '../../src/widgets/runtime/share.ts';
import { replay } from '../../src/widgets/runtime/timeline.ts';
import { axeFindings } from './axe.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { buildOneFile, openDeck, pageErrors, screenshotsDir } from './deck-page.ts';
import { guardOtherHosts } from './other-hosts.ts';

const deckUrl = inject('deckUrl');
const sel = '#s-14 [data-widget="redis-list-queue"]';
const shots = screenshotsDir();
/** Code-highlight fragments on slide 14 before the widget's first step. */
const CODE_STEPS = 6;
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What the widget at `root` shows: its step, face, caption, note and read-outs. */
function read(page: Page, root = sel) {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error(`no widget ${s}`);
    const length = (part: string) =>
      el.querySelector(`[data-part="${part}"]`)?.getAttribute('data-length');
    return {
      step: el.dataset['step'],
      face: el.dataset['face'],
      lost: el.dataset['lost'],
      queue: length('queue'),
      processing: length('processing'),
      workers: [...el.querySelectorAll<HTMLElement>('li[data-worker]')].map(
        (w) => `${w.dataset['worker']} ${w.dataset['status']} ${w.dataset['mode']}`,
      ),
      caption: el.querySelector('.w-caption')?.textContent ?? '',
      note: el.querySelector('[data-note]')?.textContent ?? '',
    };
  }, root);
}

/** The student's session in the lab at `root`: two tasks, a reliable worker, a crash. */
async function act(page: Page, root: string): Promise<void> {
  await page.fill(`${root} input[name="task"]`, 'письмо Олегу');
  await page.click(`${root} button[name="lpush"]`);
  await page.selectOption(`${root} select[name="worker-mode"]`, 'BLMOVE');
  await page.click(`${root} button[name="add-worker"]`);
  await page.fill(`${root} input[name="task"]`, 'письмо Ане');
  await page.click(`${root} button[name="lpush"]`);
}

/** Opens «Поделиться» in the lab at `root` and returns the link it gives. */
async function takeLink(page: Page, root: string): Promise<string> {
  await page.click(`${root} button[name="share"]`);
  await page.waitForSelector(`${root} .w-share-qr svg, ${root} .w-share-qr p`);
  const link = await page.inputValue(`${root} .w-share-link`);
  expect(link).toMatch(/#\/?s-14\?w=1\.[A-Za-z0-9_-]+$/);
  return link;
}

/** The deck at step `step` of slide 14's widget with the session done; returns link and state. */
async function deckSession(context: BrowserContext, base: string, step = 3) {
  const { page, errors } = await openDeck(context, `${base}#/s-14`);
  await page.waitForSelector(sel, { state: 'attached' });
  for (let i = 0; i < CODE_STEPS + step; i++) await page.keyboard.press('ArrowRight');
  await page.waitForSelector(`${sel}[data-step="${step}"]`, { state: 'attached' });
  await page.click(`${sel} button[name="lab"]`);
  await act(page, sel);
  const first = await takeLink(page, sel);
  // One more action with the panel open: its link and code follow the new state.
  await page.fill(`${sel} input[name="task"]`, 'письмо Пете');
  await page.click(`${sel} button[name="lpush"]`);
  await page.waitForFunction(
    ([s, old]) => document.querySelector<HTMLInputElement>(`${s} .w-share-link`)?.value !== old,
    [sel, first] as const,
  );
  const link = await page.inputValue(`${sel} .w-share-link`);
  return { page, errors, link, state: await read(page) };
}

/** Waits until the widget at `root` shows `state`'s step in the lab with no animation left. */
async function restored(page: Page, state: { step?: string }, root = sel): Promise<void> {
  await page.waitForSelector(`${root}[data-face="lab"][data-step="${state.step}"]`, {
    state: 'attached',
  });
  await page.waitForFunction(
    (s) => (document.querySelector(`${s} .w-caption`)?.textContent ?? '') !== '',
    root,
  );
}

describe('a shared link restores the widget state', () => {
  it('in the site: a fresh browser lands on slide 14 with the same step, caption and read-outs', async () => {
    const { page, errors, link, state } = await deckSession(browser.context, deckUrl);
    expect(state.workers.filter((w) => w.endsWith(' BLMOVE'))).toHaveLength(1);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: join(shots, 'share-lab-1280.png') });
    expect(errors).toEqual([]);

    const fresh = await launchChromium();
    try {
      const opened = await openDeck(fresh.context, link);
      await restored(opened.page, state);
      expect(await read(opened.page)).toEqual({ ...state, note: '' });
      const where = await opened.page.evaluate(() => ({
        id: window.Reveal?.getCurrentSlide()?.id,
        hash: location.hash,
      }));
      expect(where.id).toBe('s-14');
      expect(where.hash).not.toContain('?w=');
      expect(opened.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('in the reading view on a phone: the lab’s own link opens the same state', async () => {
    const page = await browser.context.newPage();
    const errors = pageErrors(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${deckUrl}?view=read#s-14`);
    const root = '.reading-slide[data-section="14"] [data-widget="redis-list-queue"]';
    await page.waitForSelector(root, { state: 'attached' });
    const widthBefore = await page.evaluate(() => document.documentElement.scrollWidth);
    await act(page, root);
    const link = await takeLink(page, root);
    expect(link).toContain('?view=read#s-14?w=1.');
    const state = await read(page, root);
    await page.locator(`${root} .w-share-panel`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'share-reading-390.png') });
    // The panel reflows: it ends inside the phone's width and adds no sideways scroll.
    const right = await page.$eval(
      `${root} .w-share-panel`,
      (p) => p.getBoundingClientRect().right,
    );
    expect(right).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(widthBefore);
    expect(errors).toEqual([]);
    await page.close();

    const fresh = await launchChromium();
    try {
      const opened = await fresh.context.newPage();
      await opened.setViewportSize({ width: 390, height: 844 });
      const openedErrors = pageErrors(opened);
      await opened.goto(link);
      await restored(opened, state, root);
      expect(await read(opened, root)).toEqual({ ...state, note: '' });
      expect(openedErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('a deck link on a phone opens in the reading view (reveal’s scroll view would show the title)', async () => {
    const { link, state } = await deckSession(browser.context, deckUrl, 2);
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const errors = pageErrors(phone);
    await phone.goto(link);
    const root = '.reading-slide[data-section="14"] [data-widget="redis-list-queue"]';
    await restored(phone, state, root);
    expect(await read(phone, root)).toEqual({ ...state, note: '' });
    expect(new URL(phone.url()).search).toBe('?view=read');
    expect(errors).toEqual([]);
  });

  it('in the installed site offline: the service worker serves it and the state comes back', async () => {
    const { page, link, state } = await deckSession(browser.context, deckUrl, 2);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await browser.context.setOffline(true);
    try {
      const opened = await browser.context.newPage();
      await opened.goto(link);
      await opened.waitForFunction(() => window.Reveal?.isReady() === true);
      await restored(opened, state);
      expect(await read(opened)).toEqual({ ...state, note: '' });
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('in the one file from file:// with the network blocked', async () => {
    const { url: fileUrl } = await buildOneFile('share-single');
    const { link, state } = await deckSession(browser.context, deckUrl, 4);
    const fresh = await launchChromium();
    try {
      const guard = await guardOtherHosts(fresh.context, 'file');
      const opened = await openDeck(fresh.context, `${fileUrl}${new URL(link).hash}`);
      await restored(opened.page, state);
      expect(await read(opened.page)).toEqual({ ...state, note: '' });
      // The lab's own link works here too, and says where it will not.
      await opened.page.click(`${sel} button[name="share"]`);
      await opened.page.waitForSelector(`${sel} .w-share-note`);
      expect(await opened.page.textContent(`${sel} .w-share-note`)).toContain('из файла');
      expect(await opened.page.inputValue(`${sel} .w-share-link`)).toMatch(
        /^file:\/\/.+#\/s-14\?w=1\./,
      );
      // Q on the stage says why there is no code instead of showing one.
      await opened.page.click(`${sel} button[name="lab"]`);
      await opened.page.keyboard.press('q');
      await opened.page.waitForSelector('dialog.qr-overlay[open] .qr-overlay__note');
      expect(await opened.page.$('dialog.qr-overlay svg')).toBeNull();
      expect(await opened.page.textContent('dialog.qr-overlay')).toContain('телефоны в зале');
      expect(opened.errors).toEqual([]);
      expect(guard.blocked).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('a slide with two widgets', () => {
  it('slide 41: the link names the second slot, and only that widget takes the state', async () => {
    const action = { type: 'number', key: 'maxRetries', value: 5 } as const;
    const payload = await encodeShare({
      widget: 'celery-retries',
      slot: 1,
      story: 'max-retries',
      step: 3,
      actions: [action],
    });
    const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-41?w=${payload}`);
    const celery = '#s-41 [data-widget="celery-retries"]';
    await restored(page, { step: '3' }, celery);
    const expected = replay(celeryLogic, 'max-retries', WIDGETS['celery-retries'].steps, 3, [
      action,
    ]);
    expect(await page.textContent(`${celery} .w-caption`)).toBe(expected.caption);
    expect(await page.textContent(`${celery} [data-note]`)).toBe('');
    expect(await page.getAttribute('#s-41 [data-widget="idempotent-consumer"]', 'data-face')).toBe(
      'stage',
    );
    expect(errors).toEqual([]);
  });
});

describe('a broken link changes nothing else', () => {
  const cases: [string, string, string][] = [
    ['damaged', '1.not-a-deflate-stream', SHARE_MESSAGES.damaged],
    ['markup', encodeURIComponent('<img src=x onerror=alert(1)>'), SHARE_MESSAGES.damaged],
    ['newer', '9.AAAA', SHARE_MESSAGES.newer('«9»')],
    ['oversized', `1.${'A'.repeat(20_000)}`, SHARE_MESSAGES.tooLong],
  ];
  for (const [what, payload, message] of cases) {
    it(`${what}: the lab says so in Russian, the widget is at the start, the deck still moves`, async () => {
      const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-14?w=${payload}`);
      await page.waitForSelector(`${sel}[data-face="lab"]`, { state: 'attached' });
      await page.waitForFunction(
        (s) => document.querySelector(`${s} [data-note]`)?.textContent,
        sel,
      );
      const shown = await read(page);
      expect(shown.note).toBe(message);
      expect(shown.step).toBe('0');
      expect(await page.$('img[src="x"]')).toBeNull();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (window.Reveal?.getState().indexf ?? -1) >= 0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('forged actions: a wrong shape and one act refuses are skipped with a note, the rest played', async () => {
    const payload = await encodeShare({
      widget: 'redis-list-queue',
      slot: 0,
      story: 'list-queue',
      step: 2,
      actions: [
        { type: 'crash', worker: 'W9' },
        { type: 'lpush', value: 5 },
        { type: 'lpush', value: 'задача из ссылки' },
      ],
    });
    const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-14?w=${payload}`);
    await restored(page, { step: '2' });
    await page.waitForFunction((s) => document.querySelector(`${s} [data-note]`)?.textContent, sel);
    const shown = await read(page);
    expect(shown.note).toMatch(
      /^Из ссылки пропущено 2 действия: 1 действие не этого виджета; .*Воркер 9/,
    );
    expect(await page.textContent(`${sel} .w-picture`)).toContain('задача из ссылки');
    expect(errors).toEqual([]);
  });

  it('truncated: half a real link is refused', async () => {
    const { link } = await deckSession(browser.context, deckUrl);
    const half = link.slice(
      0,
      link.indexOf('?w=') + Math.floor((link.length - link.indexOf('?w=')) / 2),
    );
    const { page, errors } = await openDeck(browser.context, half);
    await page.waitForFunction((s) => document.querySelector(`${s} [data-note]`)?.textContent, sel);
    expect((await read(page)).note).toBe(SHARE_MESSAGES.damaged);
    expect(errors).toEqual([]);
  });
});

describe('Q: the stage shows the state as a QR code', () => {
  it('opens a modal with the code for the reading view, axe-clean, focus kept, Esc and Q close it', async () => {
    // A host phones could reach (not localhost), served by the test's deck server.
    const hall = 'http://lecture.example';
    const context = browser.context;
    await context.route(`${hall}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({
        url: `${deckUrl.replace(/\/$/, '')}${url.pathname}${url.search}`,
      });
      await route.fulfill({ response });
    });
    try {
      const { page, errors, state } = await deckSession(context, `${hall}/`);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.click(`${sel} button[name="lab"]`);
      await page.keyboard.press('q');
      await page.waitForSelector('dialog.qr-overlay[open] svg[data-modules]');
      expect(await page.evaluate(() => document.activeElement?.matches('.qr-overlay__close'))).toBe(
        true,
      );
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('.qr-overlay__close'))).toBe(
        true,
      );
      const size = await page.$eval(
        'dialog.qr-overlay svg',
        (svg) => svg.getBoundingClientRect().width,
      );
      expect(size).toBeGreaterThan(400);
      expect(await axeFindings(page, 'dialog.qr-overlay')).toEqual([]);
      await page.screenshot({ path: join(shots, 'share-qr-1280.png') });
      const link = await page.$eval(
        '.qr-overlay__body',
        (b) => (b as HTMLElement).dataset['link'] ?? '',
      );
      expect(link.startsWith(`${hall}/?view=read#s-14?w=1.`)).toBe(true);
      // The keys stay in the dialog: → does not move the deck behind it.
      const before = await page.evaluate(() => window.Reveal?.getState().indexf);
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => window.Reveal?.getState().indexf)).toBe(before);
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog.qr-overlay:not([open])', { state: 'attached' });
      await page.keyboard.press('q');
      await page.waitForSelector('dialog.qr-overlay[open]');
      await page.keyboard.press('q');
      await page.waitForSelector('dialog.qr-overlay:not([open])', { state: 'attached' });
      expect(errors).toEqual([]);

      // A phone opening the code's link finds the state in the reading view.
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(link);
      const root = '.reading-slide[data-section="14"] [data-widget="redis-list-queue"]';
      await restored(phone, state, root);
      expect(await read(phone, root)).toEqual({ ...state, note: '' });
    } finally {
      await context.unroute(`${hall}/**`);
    }
  });
});
