/**
 * The celery-retries widget in the built deck: a lecturer steps through slides 38 and 39 (→, ←,
 * a jump) and the task's state in data-state matches the Celery model's replay; a student changes
 * max_retries, failures, backoff and acks_late, including invalid and hostile input; axe finds
 * nothing serious; screenshots at 1280×800 and 1920×1080; no console errors.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { replayStory } from '../../src/widgets/celery-retries/logic.ts';
import { CELERY_STEPS, CELERY_STORIES } from '../../src/widgets/celery-retries/story.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import { jumpToFragment, openLab, pressToStep, useWidgetSlide } from './widget-page.ts';

const rootOf = (slide: number) => `#s-${slide} [data-widget="celery-retries"]`;
const shots = join(repoRoot, 'test-results', 'screenshots');

const deck = useWidgetSlide(38, rootOf(38));

function read(page: Page, slide: number) {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error('no widget');
    return {
      step: Number(root.dataset['step']),
      state: root.dataset['state'],
      runs: root.querySelectorAll('.w-cr-run').length,
      caption: root.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, rootOf(slide));
}

/** The story each slide names on its marker (`story=`). */
const STORY_OF: Readonly<Record<number, (typeof CELERY_STORIES)[keyof typeof CELERY_STORIES]>> = {
  37: CELERY_STORIES.states,
  38: CELERY_STORIES.backoff,
  39: CELERY_STORIES.acks,
  41: CELERY_STORIES['max-retries'],
};

const expectedStates = (slide: number) => {
  const story = STORY_OF[slide];
  if (!story) throw new Error(`no celery story on slide ${slide}`);
  return replayStory(story, story.settings).map((f) => f.taskState ?? 'PENDING');
};

async function pressUntil(page: Page, slide: number, key: string, step: number): Promise<void> {
  await pressToStep(page, rootOf(slide), key, step);
}

/** Presses → until the widget is at step 1 (the slide's own fragments come first). */
async function reachFirstStep(page: Page, slide: number): Promise<void> {
  for (let i = 0; i < 10 && (await read(page, slide)).step === 0; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(80);
  }
  expect((await read(page, slide)).step).toBe(1);
}

async function goTo(page: Page, slide: number): Promise<void> {
  await jumpToFragment(page, slide, -1);
  await page.waitForSelector(rootOf(slide), { state: 'attached' });
}

describe('celery-retries as a lecturer drives it', () => {
  for (const slide of [38, 39]) {
    it(`slide ${slide}: → through every step and ← back, each state as the model says`, async () => {
      const { page } = deck;
      await goTo(page, slide);
      const want = expectedStates(slide);
      expect((await read(page, slide)).state).toBe('PENDING');
      await reachFirstStep(page, slide);
      expect((await read(page, slide)).state).toBe(want[1]);
      for (let n = 2; n <= CELERY_STEPS; n++) {
        await pressUntil(page, slide, 'ArrowRight', n);
        const shown = await read(page, slide);
        expect(shown.state).toBe(want[n]);
        expect(shown.caption.length).toBeGreaterThan(10);
      }
      await pressUntil(page, slide, 'ArrowLeft', CELERY_STEPS - 1);
      expect((await read(page, slide)).state).toBe(want[CELERY_STEPS - 1]);
      await page.screenshot({ path: join(shots, `celery-retries-${slide}-1280.png`) });
    });
  }

  it('snaps to a step on a jump (Reveal.slide)', async () => {
    const { page } = deck;
    await goTo(page, 38);
    await page.evaluate(() => {
      const d = window.Reveal;
      const s = document.getElementById('s-38');
      if (!d || !s) throw new Error('no deck');
      const { h, v } = d.getIndices(s);
      // Fragment 0 is the slide's own; widget step n is fragment n.
      d.slide(h, v, 4);
    });
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === '4',
      rootOf(38),
    );
    expect((await read(page, 38)).state).toBe(expectedStates(38)[4]);
  });
});

describe('celery-retries and motion', () => {
  it('a step forward animates the new run; with reduced motion the same step does not', async () => {
    const { page } = deck;
    const animationsAfterStep2 = async (): Promise<{
      count: number;
      state: string | undefined;
    }> => {
      await goTo(page, 38);
      await reachFirstStep(page, 38);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === '2',
        rootOf(38),
      );
      return page.evaluate((sel) => {
        const root = document.querySelector<HTMLElement>(sel) as HTMLElement;
        return {
          count: root.getAnimations({ subtree: true }).filter((a) => a.playState === 'running')
            .length,
          state: root.dataset['state'],
        };
      }, rootOf(38));
    };
    const moving = await animationsAfterStep2();
    expect(moving.count).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await goTo(page, 37);
    const still = await animationsAfterStep2();
    expect(still).toEqual({ count: 0, state: moving.state });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});

describe('celery-retries as a student plays with it', () => {
  it('max_retries, failures and acks_late replay the story; invalid and hostile input change nothing', async () => {
    const { page } = deck;
    await goTo(page, 39);
    await reachFirstStep(page, 39);
    for (let n = 2; n <= CELERY_STEPS; n++) await pressUntil(page, 39, 'ArrowRight', n);
    const root = rootOf(39);
    await openLab(page, root);
    await page.click(`${root} summary`);
    expect((await read(page, 39)).state).toBe('SUCCESS');
    await page.uncheck(`${root} input[name="acks-late"]`);
    expect((await read(page, 39)).state).toBe('STARTED');
    expect((await read(page, 39)).caption).toMatch(/потеряна/);
    await page.check(`${root} input[name="acks-late"]`);
    await page.selectOption(`${root} select[name="retry"]`, 'autoretry');
    await page.fill(`${root} input[name="failures"]`, '3');
    await page.press(`${root} input[name="failures"]`, 'Enter');
    await page.fill(`${root} input[name="max-retries"]`, '2');
    await page.press(`${root} input[name="max-retries"]`, 'Enter');
    let shown = await read(page, 39);
    expect(shown.state).toBe('FAILURE');
    const before = shown;
    for (const bad of ['-1', '11', '<img src=x onerror=alert(1)>', '9'.repeat(5000)]) {
      await page.fill(`${root} input[name="max-retries"]`, bad);
      await page.press(`${root} input[name="max-retries"]`, 'Enter');
      const input = page.locator(`${root} input[name="max-retries"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await input.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/от 0 до 10/);
      expect(await read(page, 39)).toEqual(before);
    }
    expect(await page.locator(`${root} img`).count()).toBe(0);
    await page.fill(`${root} input[name="max-retries"]`, '3');
    await page.press(`${root} input[name="max-retries"]`, 'Enter');
    shown = await read(page, 39);
    expect(shown.state).toBe('SUCCESS');
    expect(shown.runs).toBe(5);
    await page.fill(`${root} input[name="backoff-max"]`, '3600');
    await page.fill(`${root} input[name="backoff"]`, '60');
    await page.press(`${root} input[name="backoff"]`, 'Enter');
    expect((await read(page, 39)).state).toBe('SUCCESS');
    await page.screenshot({ path: join(shots, 'celery-retries-student-1280.png') });
    await page.click(`${root} button[name="reset-inputs"]`);
    expect((await read(page, 39)).state).toBe('SUCCESS');
  });

  it('fits the stage at 1920×1080 too', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await goTo(page, 41);
    await jumpToFragment(page, 41, 13);
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === '6',
      rootOf(41),
    );
    const box = await page.evaluate((sel) => {
      const root = document.querySelector(sel) as HTMLElement;
      const slide = root.closest('section') as HTMLElement;
      return {
        rootBottom: root.getBoundingClientRect().bottom,
        slideBottom: slide.getBoundingClientRect().bottom,
      };
    }, rootOf(41));
    expect(box.rootBottom).toBeLessThanOrEqual(box.slideBottom + 1);
    expect((await read(page, 41)).state).toBe('FAILURE');
    await page.screenshot({ path: join(shots, 'celery-retries-41-1920.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    await goTo(page, 39);
    await reachFirstStep(page, 39);
    await openLab(page, rootOf(39));
    await page.click(`${rootOf(39)} summary`);
    const violations = await axeFindings(page, rootOf(39));
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
