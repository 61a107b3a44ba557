/**
 * The rabbit-acks widget in the built deck: a lecturer steps through slide 19 (→, ←) and jumps to
 * the end of slide 24, and the board matches the simulation run in Node; a student sets prefetch
 * (valid, invalid, hostile), publishes, lets time run, crashes and revives a worker, nacks and
 * rejects; axe finds nothing serious; the widget fits the stage; screenshots at two sizes.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { RABBIT_ACKS_STEPS, type AcksStoryName } from '../../src/widgets/rabbit-acks/story.ts';
import { acksView } from '../../src/widgets/rabbit-acks/logic.ts';
import type { AcksAction } from '../../src/widgets/rabbit-acks/sim.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import { atBothSizes } from './screen-sizes.ts';
import { jumpToFragment, openLab, useWidgetSlide, waitForStep } from './widget-page.ts';

const shots = join(repoRoot, 'test-results', 'screenshots');
const root = (section: string) => `#s-${section} [data-widget="rabbit-acks"]`;
/** Fragments on the slide before the widget's own (slide 19 reveals two lines first). */
const BODY_FRAGMENTS: Record<string, number> = { '19': 2, '24': 7 };
/** The story each slide names on its widget marker. */
const STORY: Record<string, AcksStoryName> = { '19': 'acks', '24': 'consumer' };

const deck = useWidgetSlide(19, root('19'));

/** What the board shows, per place, as `task` or `task↻` (↻: data-redelivered="true"). */
function read(page: Page, section: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) throw new Error('no widget');
    const tasks = (scope: Element | null, state?: string) =>
      [...(scope?.querySelectorAll<HTMLElement>('[data-task]') ?? [])]
        .filter((c) => !state || c.dataset['state'] === state)
        .map((c) => `${c.dataset['task']}${c.dataset['redeliveredLook'] === 'true' ? '↻' : ''}`);
    return {
      step: Number(el.dataset['step']),
      now: Number(el.dataset['now']),
      ready: tasks(el.querySelector('[data-queue="tasks"]')),
      dead: tasks(el.querySelector('[data-queue="tasks.dlq"], [data-discarded="true"]')),
      workers: [...el.querySelectorAll<HTMLElement>('[role="group"][data-worker]')].map((w) => ({
        up: w.dataset['up'] === 'true',
        held: [
          ...w.querySelectorAll<HTMLElement>('[data-state="working"], [data-state="buffered"]'),
        ].map((c) => `${c.dataset['task']}:${c.dataset['redelivered']}`),
        acked: w.querySelectorAll('[data-state="acked"]').length,
      })),
      caption: el.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, root(section));
}

/** The same frame from the simulation, in Node. */
function expected(section: string, step: number, actions: AcksAction[] = []) {
  const v = acksView(STORY[section] ?? 'acks', step, actions);
  const mark = (c: { task: number; redelivered: boolean }) =>
    `${c.task}${c.redelivered ? '↻' : ''}`;
  return {
    now: v.now,
    ready: v.ready.map(mark),
    dead: v.dead.map(mark),
    workers: v.workers.map((w) => ({
      up: w.up,
      held: w.held.map((c) => `${c.task}:${c.redelivered}`),
      acked: Math.min(w.acked.length, 8),
    })),
  };
}

const model = ({ now, ready, dead, workers }: Awaited<ReturnType<typeof read>>) => ({
  now,
  ready,
  dead,
  workers,
});

async function waitStep(page: Page, section: string, step: number): Promise<void> {
  await waitForStep(page, root(section), step);
}

async function jump(page: Page, section: string, fragment: number): Promise<void> {
  await jumpToFragment(page, section, fragment);
}

describe('rabbit-acks as a lecturer drives it', () => {
  it('slide 19: → through ack, crash, redelivery and prefetch 0 vs 1; ← back', async () => {
    const { page } = deck;
    for (let i = 0; i < BODY_FRAGMENTS['19']!; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page, '19')).step).toBe(0);
    for (let n = 1; n <= RABBIT_ACKS_STEPS; n++) {
      await page.keyboard.press('ArrowRight');
      await waitStep(page, '19', n);
      expect(model(await read(page, '19'))).toEqual(expected('19', n));
    }
    expect((await read(page, '19')).caption).toContain('готово к 6 с');
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, '19', 5);
    const unlimited = await read(page, '19');
    expect(unlimited.caption).toContain('простаивает');
    expect(unlimited.workers[1]?.held).toEqual(['4:false', '6:false', '8:false']);
    await jump(page, '19', BODY_FRAGMENTS['19']! + 3);
    await waitStep(page, '19', 4);
    const redelivered = await read(page, '19');
    expect(redelivered.workers[0]?.up).toBe(false);
    expect(redelivered.workers[1]?.held).toEqual(['3:true']);
    expect(redelivered.caption).toContain('redelivered=true у задачи 3');
  });

  it('slide 24: a jump to the end shows both deleted tasks (no DLX, as consumer.py) and fits the slide', async () => {
    const { page } = deck;
    await jump(page, '24', Number.MAX_SAFE_INTEGER);
    await waitStep(page, '24', RABBIT_ACKS_STEPS);
    const shown = await read(page, '24');
    expect(model(shown)).toEqual(expected('24', RABBIT_ACKS_STEPS));
    expect(shown.dead).toEqual(['2', '5']);
    expect(shown.caption).toContain('basic_reject(задача 5, requeue=False)');
    const fit = await page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      const slide = el.closest('section') as HTMLElement;
      return {
        bottom: el.getBoundingClientRect().bottom,
        slideBottom: slide.getBoundingClientRect().bottom,
      };
    }, root('24'));
    expect(fit.bottom).toBeLessThanOrEqual(fit.slideBottom + 1);
  });
});

describe('rabbit-acks and motion', () => {
  const animations = (page: Page) =>
    page.evaluate(
      (sel) => document.querySelector(sel)?.getAnimations({ subtree: true }).length ?? -1,
      root('19'),
    );
  /** Re-enters slide 19 at widget step 1 (the widget mounts again and reads the media query). */
  async function enter(page: Page): Promise<void> {
    await jump(page, '18', 0);
    await jump(page, '19', BODY_FRAGMENTS['19']!);
    await waitStep(page, '19', 1);
  }

  it('a step forward glides the chips; with reduced motion the same step has no animation', async () => {
    const { page } = deck;
    await enter(page);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, '19', 2);
    expect(await animations(page)).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await enter(page);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, '19', 2);
    expect(await animations(page)).toBe(0);
    expect(model(await read(page, '19'))).toEqual(expected('19', 2));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});

describe('rabbit-acks as a student plays with it (slide 19, step 1)', () => {
  const sel = root('19');
  const actions: AcksAction[] = [];
  const prefetch = `${sel} input[name="prefetch"]`;

  beforeAll(async () => {
    await jump(deck.page, '19', BODY_FRAGMENTS['19']!);
    await waitStep(deck.page, '19', 1);
    await openLab(deck.page, sel);
  });

  it('refuses invalid and hostile prefetch values next to the field; nothing else changes', async () => {
    const { page } = deck;
    const before = model(await read(page, '19'));
    const bad = ['', '-1', '101', '1.5', 'abc', '<img src=x onerror=alert(1)>', '9'.repeat(10_000)];
    for (const value of bad) {
      await page.fill(prefetch, value);
      await page.press(prefetch, 'Enter');
      expect(await page.getAttribute(prefetch, 'aria-invalid')).toBe('true');
      const describedBy = await page.getAttribute(prefetch, 'aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(
        /^prefetch_count: (введите целое число|допустимо) от 0 до 100/,
      );
      expect(model(await read(page, '19'))).toEqual(before);
    }
    expect(await page.locator(`${sel} img`).count()).toBe(0);
  });

  it('sets prefetch=0, publishes, lets time pass: the board follows the model', async () => {
    const { page } = deck;
    await page.fill(prefetch, '0');
    await page.click(`${sel} button[name="apply-prefetch"]`);
    actions.push({ type: 'qos', prefetch: 0 });
    expect(await page.getAttribute(prefetch, 'aria-invalid')).toBeNull();
    await page.click(`${sel} button[name="publish"]`);
    actions.push({ type: 'publish', count: 3 });
    await page.click(`${sel} button[name="run"]`);
    actions.push({ type: 'run', ms: 1000 });
    const shown = await read(page, '19');
    expect(model(shown)).toEqual(expected('19', 1, actions));
    expect(shown.caption).toContain('basic.ack');
  });

  it('crashes a worker: its tasks come back and reach the other worker with redelivered=true', async () => {
    const { page } = deck;
    await page.click(`${sel} [data-worker="w1"] button[name="crash-worker"]`);
    actions.push({ type: 'crash', worker: 'w1' });
    let shown = await read(page, '19');
    expect(model(shown)).toEqual(expected('19', 1, actions));
    expect(shown.caption).toContain('Воркер 1 упал');
    // With prefetch=0 the broker hands the requeued tasks straight to Worker 2.
    expect(shown.caption).toContain('Вернулись в очередь с redelivered=true');
    expect(
      await page.locator(`${sel} [data-worker="w2"] [data-redelivered="true"]`).count(),
    ).toBeGreaterThan(0);
    await page.click(`${sel} button[name="run"]`);
    await page.click(`${sel} button[name="run"]`);
    actions.push({ type: 'run', ms: 1000 }, { type: 'run', ms: 1000 });
    shown = await read(page, '19');
    expect(model(shown)).toEqual(expected('19', 1, actions));
    expect(
      await page.locator(`${sel} [data-worker="w2"] [data-redelivered="true"]`).count(),
    ).toBeGreaterThan(0);
    await page.click(`${sel} button[name="revive-worker"]`);
    actions.push({ type: 'revive', worker: 'w1' });
    expect(model(await read(page, '19'))).toEqual(expected('19', 1, actions));
  });

  it('nack with requeue returns a task; reject without requeue dead-letters it', async () => {
    const { page } = deck;
    await page.click(`${sel} [data-worker="w2"] button[name="nack"]`);
    actions.push({ type: 'settle', worker: 'w2', how: 'nack', requeue: true });
    expect(model(await read(page, '19'))).toEqual(expected('19', 1, actions));
    await page.uncheck(`${sel} input[name="requeue"]`);
    await page.click(`${sel} [data-worker="w2"] button[name="reject"]`);
    actions.push({ type: 'settle', worker: 'w2', how: 'reject', requeue: false });
    const shown = await read(page, '19');
    expect(model(shown)).toEqual(expected('19', 1, actions));
    expect(shown.dead.length).toBe(1);
    expect(shown.caption).toContain('requeue=False');
  });

  it('refuses a 41st task with a message, and «Сначала» clears the student’s actions', async () => {
    const { page } = deck;
    for (let i = 0; i < 14; i++) await page.click(`${sel} button[name="publish"]`);
    const alert = page.locator(`${sel} [data-panel-error]`);
    await expect.poll(() => alert.textContent()).toMatch(/Не больше 40 задач/);
    await page.click(`${sel} button[name="reset"]`);
    await waitStep(page, '19', 0);
    expect(model(await read(page, '19'))).toEqual(expected('19', 0));
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    await jump(page, '19', BODY_FRAGMENTS['19']! + 3);
    await waitStep(page, '19', 4);
    const violations = await axeFindings(page, sel);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('screenshots at 1280×800 and 1920×1080', async () => {
    const { page } = deck;
    await atBothSizes(page, async (size) => {
      for (const [section, step] of [
        ['19', 4],
        ['19', 5],
        ['24', 6],
      ] as const) {
        await jump(page, section, BODY_FRAGMENTS[section]! + step - 1);
        await waitStep(page, section, step);
        await page.waitForTimeout(900);
        await page.screenshot({
          path: join(shots, `rabbit-acks-s${section}-step${step}-${size.width}.png`),
        });
      }
    });
  });
});
