/**
 * The patterns widget in the built deck (slide 40): a lecturer walks the body and all ten steps
 * with → and ← and jumps, each frame matching the core's views; the stage covers the body; a
 * student picks patterns by tab and keyboard and plays each one, including invalid and hostile
 * input; reduced motion runs no animation; screenshots at 1280×800 and 1920×1080; axe is clean.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fanoutView } from '../../src/widgets/patterns/logic-fanout.ts';
import { rpcView } from '../../src/widgets/patterns/logic-rpc.ts';
import { sourcingView } from '../../src/widgets/patterns/logic-sourcing.ts';
import { patternAt, PATTERNS_STEPS } from '../../src/widgets/patterns/story.ts';
import { axeFindings } from './axe.ts';
import { heapAfterGc } from './slide-walk.ts';
import { repoRoot } from './deck-page.ts';
import { jumpToFragment, openLab, useWidgetSlide, waitForStep } from './widget-page.ts';

const ROOT = '#s-40 [data-widget="patterns"]';
/** Fragments of slide 40's own body before the widget's steps. */
const BODY_FRAGMENTS = 4;
const shots = join(repoRoot, 'test-results', 'screenshots');

const deck = useWidgetSlide(40, ROOT);
beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

/** What the widget shows, in the terms the core's views use. */
function read(page: Page) {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error('no widget');
    const all = (s: string) => [...root.querySelectorAll<HTMLElement>(s)];
    return {
      step: Number(root.dataset['step']),
      pattern: root.dataset['pattern'],
      tab: root.querySelector('[role="tab"][aria-selected="true"]')?.getAttribute('data-pattern'),
      receivers: all('[data-receiver]').map((r) => `${r.dataset['kind']}:${r.dataset['count']}`),
      log: all('[data-offset]').length,
      balances: all('[data-reader]').map((r) => Number(r.dataset['balance'])),
      requests: all('[data-request]').map(
        (r) => `${r.dataset['request']}:${r.dataset['stage']}:${r.dataset['replyOrder'] ?? ''}`,
      ),
      caption: root.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, ROOT);
}

/** The parts of a shown frame that the core's views predict. */
function frameOf(shown: Awaited<ReturnType<typeof read>>) {
  const { receivers, log, balances, requests } = shown;
  return { receivers, log, balances, requests };
}

/** The same frame from the core, in Node. */
function expected(step: number) {
  const { id, local } = patternAt(step);
  const empty = {
    receivers: [] as string[],
    log: 0,
    balances: [] as number[],
    requests: [] as string[],
  };
  if (id === 'fanout') {
    const v = fanoutView(3, local, []);
    return {
      ...empty,
      receivers: [
        ...v.subscribers.map((s) => `subscriber:${s.got.length}`),
        ...v.workers.map((w) => `worker:${w.got.length}`),
      ],
    };
  }
  if (id === 'sourcing') {
    const v = sourcingView(local, []);
    return { ...empty, log: v.log.length, balances: v.readers.map((r) => r.account.balance) };
  }
  const v = rpcView(local, []);
  return {
    ...empty,
    requests: v.requests.map((r) => `${r.correlationId}:${r.stage}:${r.replyOrder ?? ''}`),
  };
}

async function waitStep(page: Page, step: number): Promise<void> {
  await waitForStep(page, ROOT, step);
}

async function jump(page: Page, fragment: number): Promise<void> {
  await jumpToFragment(page, 40, fragment);
}

const section = (page: Page) =>
  page.evaluate(() => window.Reveal?.getCurrentSlide().dataset['section']);

describe('patterns as a lecturer drives it (slide 40)', () => {
  it('shows the 2×2 body first, then covers it with the widget from its first step', async () => {
    const { page } = deck;
    for (let i = 0; i < BODY_FRAGMENTS; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page)).step).toBe(0);
    expect(await page.locator('#s-40 .card').first().isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 1);
    await page.waitForTimeout(400);
    expect(await page.locator('#s-40 .card').first().isVisible()).toBe(false);
    expect(await page.locator(ROOT).isVisible()).toBe(true);
  });

  it('steps → through every step and ← back, each frame matching the core', async () => {
    const { page } = deck;
    for (let n = 1; n <= PATTERNS_STEPS; n++) {
      if (n > 1) await page.keyboard.press('ArrowRight');
      await waitStep(page, n);
      const shown = await read(page);
      const { id } = patternAt(n);
      expect(shown.pattern).toBe(id);
      expect(shown.tab).toBe(id);
      expect(frameOf(shown)).toEqual(expected(n));
      expect(shown.caption.length).toBeGreaterThan(20);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, `patterns-step${n}-1280.png`) });
    }
    expect((await read(page)).requests).toEqual(['c-1:answered:2', 'c-2:answered:1']);
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, PATTERNS_STEPS - 1);
    expect((await read(page)).requests).toEqual(['c-1:processing:', 'c-2:answered:1']);
  });

  it('snaps to a step on a jump, and looks right at 1920×1080', async () => {
    const { page } = deck;
    await jump(page, BODY_FRAGMENTS + 5);
    await waitStep(page, 6);
    expect(frameOf(await read(page))).toEqual(expected(6));
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const n of [3, 6, 10]) {
      await jump(page, BODY_FRAGMENTS + n - 1);
      await waitStep(page, n);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, `patterns-step${n}-1920.png`) });
      const fits = await page.evaluate((sel) => {
        const root = document.querySelector(sel) as HTMLElement;
        const slide = document.getElementById('s-40') as HTMLElement;
        return root.getBoundingClientRect().bottom <= slide.getBoundingClientRect().bottom + 1;
      }, ROOT);
      expect(fits).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('patterns as a student plays with it', () => {
  it('picks a pattern by tab, and by ←/→ on the tabs without leaving the slide', async () => {
    const { page } = deck;
    await openLab(page, ROOT);
    await page.click(`${ROOT} [role="tab"][data-pattern="sourcing"]`);
    await waitStep(page, 4);
    expect((await read(page)).tab).toBe('sourcing');
    await page.focus(`${ROOT} [role="tab"][data-pattern="sourcing"]`);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 7);
    expect(await section(page)).toBe('40');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pattern'))).toBe(
      'rpc',
    );
    await page.keyboard.press('Home');
    await waitStep(page, 1);
    expect((await read(page)).tab).toBe('fanout');
  });

  it('publishes to N subscribers and N workers; rejects bad counts and shows hostile text as text', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="receivers"]`, '5');
    await page.press(`${ROOT} input[name="receivers"]`, 'Enter');
    let shown = await read(page);
    expect(shown.receivers.filter((r) => r.startsWith('subscriber'))).toHaveLength(5);
    const before = await read(page);
    for (const bad of ['0', '7', 'пять', '9'.repeat(5000)]) {
      await page.fill(`${ROOT} input[name="receivers"]`, bad);
      await page.press(`${ROOT} input[name="receivers"]`, 'Enter');
      const input = page.locator(`${ROOT} input[name="receivers"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await input.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/Получателей/);
      expect(await read(page)).toEqual(before);
    }
    // «Отправить» with the invalid count refuses, with the field's message; nothing is published.
    await page.fill(`${ROOT} input[name="message"]`, 'не уйдёт');
    await page.click(`${ROOT} button[name="publish"]`);
    expect(await read(page)).toEqual(before);
    expect(await page.locator(`${ROOT} input[name="receivers"]`).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.fill(`${ROOT} input[name="receivers"]`, '5');
    await page.fill(`${ROOT} input[name="message"]`, '<img src=x onerror=alert(1)>');
    await page.click(`${ROOT} button[name="publish"]`);
    expect(await page.locator(`${ROOT} img`).count()).toBe(0);
    shown = await read(page);
    expect(shown.caption).toContain('«<img src=x onerror=alert(1)>»');
    expect(shown.receivers).toEqual([
      ...Array(5).fill('subscriber:2'),
      'worker:1',
      'worker:1',
      'worker:0',
      'worker:0',
      'worker:0',
    ]);
    // The most receivers with a long history still fit on the screen (rows show the latest 4).
    await page.fill(`${ROOT} input[name="receivers"]`, '6');
    await page.press(`${ROOT} input[name="receivers"]`, 'Enter');
    for (let i = 0; i < 9; i++) await page.click(`${ROOT} button[name="publish"]`);
    expect((await read(page)).receivers.slice(0, 6)).toEqual(Array(6).fill('subscriber:10'));
    const bottom = await page.evaluate(
      (sel) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? Infinity,
      ROOT,
    );
    expect(bottom).toBeLessThanOrEqual(800);
    await page.screenshot({ path: join(shots, 'patterns-6-receivers-1280.png') });
    await page.fill(`${ROOT} input[name="receivers"]`, '5');
    await page.press(`${ROOT} input[name="receivers"]`, 'Enter');
    await page.fill(`${ROOT} input[name="message"]`, '   ');
    await page.click(`${ROOT} button[name="publish"]`);
    expect(await page.locator(`${ROOT} input[name="message"]`).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('appends events, refuses an overdraft, and a new reader replays to the same balance', async () => {
    const { page } = deck;
    await page.click(`${ROOT} [role="tab"][data-pattern="sourcing"]`);
    await waitStep(page, 4);
    await page.fill(`${ROOT} input[name="amount"]`, '−500');
    await page.press(`${ROOT} input[name="amount"]`, 'Enter');
    expect(await page.locator(`${ROOT} input[name="amount"]`).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect((await read(page)).log).toBe(2);
    await page.fill(`${ROOT} input[name="amount"]`, '<b>5</b>');
    await page.click(`${ROOT} button[name="append"]`);
    expect((await read(page)).log).toBe(2);
    await page.fill(`${ROOT} input[name="amount"]`, '-60');
    await page.click(`${ROOT} button[name="append"]`);
    await page.click(`${ROOT} button[name="replay"]`);
    const shown = await read(page);
    expect(shown.log).toBe(3);
    expect(shown.balances).toEqual([40, 40]);
    expect(shown.caption).toContain('перечитал журнал с offset 0 по 2');
    await page.click(`${ROOT} button[name="replay"]`);
    await page.click(`${ROOT} button[name="replay"]`);
    await page.click(`${ROOT} button[name="replay"]`);
    expect(await page.locator(`${ROOT} .w-field-error:visible`).textContent()).toMatch(
      /Не больше 4 читателей/,
    );
    // A long history still fits: 30 more events and four readers.
    await page.fill(`${ROOT} input[name="amount"]`, '+7');
    for (let i = 0; i < 30; i++) await page.press(`${ROOT} input[name="amount"]`, 'Enter');
    const after = await read(page);
    expect(after.log).toBe(33);
    expect(after.balances).toEqual([250, 250, 250, 250]);
    const bottom = await page.evaluate(
      (sel) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? Infinity,
      ROOT,
    );
    expect(bottom).toBeLessThanOrEqual(800);
    await page.screenshot({ path: join(shots, 'patterns-long-log-1280.png') });
  });

  it('sends requests, answers one out of order and matches it by correlation_id', async () => {
    const { page } = deck;
    await page.click(`${ROOT} [role="tab"][data-pattern="rpc"]`);
    await waitStep(page, 7);
    await page.fill(`${ROOT} input[name="n"]`, '41');
    await page.click(`${ROOT} button[name="request"]`);
    expect(await page.locator(`${ROOT} input[name="n"]`).getAttribute('aria-invalid')).toBe('true');
    await page.fill(`${ROOT} input[name="n"]`, '10');
    await page.press(`${ROOT} input[name="n"]`, 'Enter');
    await page.fill(`${ROOT} input[name="n"]`, '3');
    await page.press(`${ROOT} input[name="n"]`, 'Enter');
    expect((await read(page)).requests).toEqual([
      'c-1:processing:',
      'c-2:processing:',
      'c-3:queued:',
    ]);
    await page.click(`${ROOT} button[name="answer"][data-correlation-id="c-2"]`);
    const shown = await read(page);
    expect(shown.requests).toEqual(['c-1:processing:', 'c-2:answered:1', 'c-3:processing:']);
    expect(shown.caption).toContain('ответ 55 с запросом fib(10)');
  });

  it('its own «Шаг ▶» moves the clicker and replays the student’s work on top; «Сначала» clears it all', async () => {
    const { page } = deck;
    expect((await read(page)).requests).toHaveLength(3);
    await page.click(`${ROOT} button[name="step-forward"]`);
    await waitStep(page, 8);
    // The kit keeps the log: fib(10), fib(3) and the answer to c-2 follow the script's two requests.
    expect((await read(page)).requests).toEqual([
      'c-1:processing:',
      'c-2:answered:1',
      'c-3:processing:',
      'c-4:queued:',
    ]);
    expect(await page.evaluate(() => window.Reveal?.getIndices().f)).toBe(BODY_FRAGMENTS + 7);
    await page.click(`${ROOT} [role="tab"][data-pattern="fanout"]`);
    await waitStep(page, 1);
    expect((await read(page)).receivers).toHaveLength(10);
    await page.click(`${ROOT} button[name="reset"]`);
    await waitStep(page, 0);
    expect(await page.locator(`${ROOT} input[name="receivers"]`).inputValue()).toBe('3');
    expect(frameOf(await read(page))).toEqual(expected(0));
  });

  it('with reduced motion, a step runs no animation', async () => {
    const { page } = deck;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(() => window.Reveal?.slide(0));
    await jump(page, BODY_FRAGMENTS);
    await waitStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 2);
    const running = await page.evaluate(
      () => document.getAnimations().filter((a) => a.playState === 'running').length,
    );
    expect(running).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const violations = await axeFindings(page, ROOT);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('leaves nothing behind when its slide is left, however often it comes back', async () => {
    const { page } = deck;
    const cdp = await deck.context.newCDPSession(page);
    const heap = () => heapAfterGc(cdp);
    const visit = async (): Promise<void> => {
      await jump(page, BODY_FRAGMENTS + 2);
      await waitStep(page, 3);
      await openLab(page, ROOT);
      await page.fill(`${ROOT} input[name="message"]`, 'ещё');
      await page.click(`${ROOT} button[name="publish"]`);
      await page.evaluate(() => window.Reveal?.next());
      await page.evaluate(() => window.Reveal?.slide(0));
      await page.waitForFunction(() => !document.querySelector('[data-widget="patterns"]'));
    };
    await visit();
    const before = await heap();
    for (let i = 0; i < 8; i++) await visit();
    const after = await heap();
    expect(await page.locator('[data-widget="patterns"]').count()).toBe(0);
    // A <section> inside a slide would make reveal.js treat it as a vertical stack (no clicks).
    expect(
      await page.evaluate(() => document.getElementById('s-40')?.classList.contains('stack')),
    ).toBe(false);
    expect(after - before).toBeLessThan(1_000_000);
  });
});
