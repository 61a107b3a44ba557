/**
 * The redis-list-queue widget in the built deck (slide 14): a lecturer walks the code steps and
 * every widget step with →, goes back with ← and jumps, and what is shown matches the core's
 * model; a student pushes tasks, adds, crashes and restarts workers, requeues, with invalid and
 * hostile input; reduced motion runs no animation; axe finds nothing serious; no console errors.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LIST_QUEUE_STEPS } from '../../src/widgets/redis-list-queue/story.ts';
import { queueView } from '../../src/widgets/redis-list-queue/logic.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import { heapAcrossWalks } from './slide-walk.ts';
import { jumpToFragment, openLab, useWidgetSlide, settled, waitForStep } from './widget-page.ts';

const sel = '#s-14 [data-widget="redis-list-queue"]';
const shots = join(repoRoot, 'test-results', 'screenshots');
/** Code-highlight fragments before the widget's first step (two files, three steps each). */
const CODE_STEPS = 6;

const deck = useWidgetSlide(14, sel);

/** What the widget shows. */
function read(page: Page) {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error('no widget');
    const length = (part: string) =>
      Number(el.querySelector(`[data-part="${part}"]`)?.getAttribute('data-length'));
    return {
      step: Number(el.dataset['step']),
      lost: el.dataset['lost'],
      queue: length('queue'),
      processing: length('processing'),
      workers: [...el.querySelectorAll<HTMLElement>('li[data-worker]')].map((w) => ({
        client: w.dataset['worker'],
        status: w.dataset['status'],
        mode: w.dataset['mode'],
      })),
      caption: el.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, sel);
}

/** The same frame from the core's model, in Node. */
function expected(step: number) {
  const view = queueView(step, []);
  return {
    lost: String(view.crashes.filter((c) => c.lost).length),
    queue: view.queue.length,
    processing: view.processing.length,
    workers: view.workers.map((w) => ({ client: w.client, status: w.status, mode: w.mode })),
  };
}

const model = (shown: Awaited<ReturnType<typeof read>>) => ({
  lost: shown.lost,
  queue: shown.queue,
  processing: shown.processing,
  workers: shown.workers,
});

async function waitStep(page: Page, step: number): Promise<void> {
  await waitForStep(page, sel, step);
}

async function jump(page: Page, fragment: number): Promise<void> {
  await jumpToFragment(page, 14, fragment);
}

async function fits(page: Page): Promise<void> {
  const [bottom, slideBottom] = await page.evaluate((s) => {
    const el = document.querySelector(s) as HTMLElement;
    const slide = el.closest('section') as HTMLElement;
    return [el.getBoundingClientRect().bottom, slide.getBoundingClientRect().bottom];
  }, sel);
  expect(bottom).toBeLessThanOrEqual((slideBottom ?? 0) + 1);
}

describe('redis-list-queue as a lecturer drives it', () => {
  it('→ through the code, then every widget step as the core computes it; ← back', async () => {
    const { page } = deck;
    for (let i = 0; i < CODE_STEPS; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page)).step).toBe(0);
    expect(await page.isVisible(sel)).toBe(false);
    for (let n = 1; n <= LIST_QUEUE_STEPS; n++) {
      await page.keyboard.press('ArrowRight');
      await waitStep(page, n);
      expect(model(await read(page))).toEqual(expected(n));
      if (n === 5) {
        expect((await read(page)).caption).toContain('потеряна навсегда');
        await settled(page);
        await page.screenshot({ path: join(shots, 'redis-list-queue-14-lost-1280.png') });
      }
    }
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, LIST_QUEUE_STEPS - 2);
    const back = await read(page);
    expect(model(back)).toEqual(expected(LIST_QUEUE_STEPS - 2));
    expect(back.caption).toContain('задача не потеряна');
    await fits(page);
    await settled(page);
    await page.screenshot({ path: join(shots, 'redis-list-queue-14-1280.png') });
  });

  it('a jump lands on the first-come first-served step', async () => {
    const { page } = deck;
    await jump(page, CODE_STEPS + 2 - 1);
    await waitStep(page, 2);
    const shown = await read(page);
    expect(model(shown)).toEqual(expected(2));
    expect(shown.caption).toContain('Воркер 2 — «письмо 2», Воркер 3 — «письмо 3»');
  });
});

describe('redis-list-queue as a student plays with it', () => {
  const task = `${sel} input[name="task"]`;
  const worker = (name: string, button: string) =>
    `${sel} li[data-worker="${name}"] button[name="${button}"]`;

  it('pushes, finishes, crashes, restarts reliably and requeues; the core decides', async () => {
    const { page } = deck;
    await openLab(page, sel);
    await page.fill(task, 'письмо Олегу');
    await page.press(task, 'Enter');
    let shown = await read(page);
    expect(shown.queue).toBe(1);
    await page.click(worker('W2', 'finish'));
    shown = await read(page);
    expect(shown.workers.find((w) => w.client === 'W2')?.status).toBe('busy');
    expect(shown.queue).toBe(0);
    await page.selectOption(`${sel} select[name="worker-mode"]`, 'BLMOVE');
    await page.click(`${sel} button[name="add-worker"]`);
    await page.fill(task, 'письмо Ане');
    await page.click(`${sel} button[name="lpush"]`);
    shown = await read(page);
    expect(shown.workers.find((w) => w.client === 'W4')).toEqual({
      client: 'W4',
      status: 'busy',
      mode: 'BLMOVE',
    });
    expect(shown.processing).toBe(1);
    await page.click(worker('W4', 'crash-worker'));
    expect((await read(page)).caption).toContain('задача не потеряна');
    await page.click(`${sel} button[name="requeue"]`);
    shown = await read(page);
    expect(shown.processing).toBe(0);
    expect(shown.queue).toBe(1);
    await page.click(worker('W4', 'restart'));
    shown = await read(page);
    expect(shown.processing).toBe(1);
    // Nothing was lost: the story is at step 2, before the crash of step 5.
    expect(shown.lost).toBe('0');
    await settled(page);
    await page.screenshot({ path: join(shots, 'redis-list-queue-14-student-1280.png') });
  });

  it('refuses empty and overlong tasks next to the field; hostile text stays text', async () => {
    const { page } = deck;
    const before = await read(page);
    for (const bad of ['   ', 'я'.repeat(10_000)]) {
      await page.fill(task, bad);
      await page.click(`${sel} button[name="lpush"]`);
      expect(await page.getAttribute(task, 'aria-invalid')).toBe('true');
      const id = await page.getAttribute(task, 'aria-describedby');
      expect(await page.locator(`[id="${id}"]`).textContent()).toMatch(/байт|пуст/);
      expect(await read(page)).toEqual(before);
    }
    await page.fill(task, '<img src=x onerror=alert(1)>');
    await page.click(`${sel} button[name="lpush"]`);
    expect(await page.getAttribute(task, 'aria-invalid')).toBeNull();
    expect(await page.locator(`${sel} img`).count()).toBe(0);
    expect((await read(page)).caption).toContain('<img src=x onerror=alert(1)>');
  });

  it('looks right at 1920×1080 too', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction(() => (window.Reveal?.getScale() ?? 0) > 1.2);
    await page.waitForTimeout(100);
    await settled(page);
    await page.screenshot({ path: join(shots, 'redis-list-queue-14-1920.png') });
    await fits(page);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reset clears the student’s work and the story is back', async () => {
    const { page } = deck;
    await page.click(`${sel} button[name="reset"]`);
    await waitStep(page, 0);
    await jump(page, CODE_STEPS + LIST_QUEUE_STEPS - 1);
    await waitStep(page, LIST_QUEUE_STEPS);
    expect(model(await read(page))).toEqual(expected(LIST_QUEUE_STEPS));
  });

  it('with reduced motion, a step runs no animation', async () => {
    const { page } = deck;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(() => window.Reveal?.slide(0));
    await jump(page, CODE_STEPS + 3 - 1);
    await waitStep(page, 3);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 4);
    const running = await page.evaluate(
      () => document.getAnimations().filter((a) => a.playState === 'running').length,
    );
    expect(running).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('walking its steps there and back three times leaves the heap within 10 %', async () => {
    const { page } = deck;
    const { before, after } = await heapAcrossWalks(page, 14, 1);
    console.log(
      `[bench] redis-list-queue heap ${(before / 1e6).toFixed(2)} → ${(after / 1e6).toFixed(2)} MB`,
    );
    expect(after).toBeLessThanOrEqual(before * 1.1);
    expect(await page.locator('[data-widget="redis-list-queue"]').count()).toBe(1);
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    const violations = await axeFindings(page, sel);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is destroyed when the slide is left', async () => {
    const { page } = deck;
    await page.evaluate(() => {
      const d = window.Reveal;
      const s = document.getElementById('s-15');
      if (d && s) d.slide(d.getIndices(s).h, 0, 0);
    });
    expect(await page.locator('[data-widget="redis-list-queue"]').count()).toBe(0);
  });
});
