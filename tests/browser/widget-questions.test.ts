/**
 * Predict, then see in the built deck's reading view (issue 15 §2), where a student plays the
 * lab: before step 1 of slide 14 the lab asks which worker takes «письмо 1»; a pick shows the
 * verdict and plays the step. Screenshots at 1280×720 and on a phone (390×844).
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listQueueQuestion } from '../../src/widgets/redis-list-queue/questions.ts';
import { pageErrors, screenshotsDir, useBrowser } from './deck-page.ts';
import { settled } from './widget-page.ts';

const readUrl = new URL('?view=read#s-14', inject('deckUrl')).href;
const sel = '.reading-slide[data-section="14"] [data-widget="redis-list-queue"]';
const box = `${sel} .w-question`;
const buttons = `${box} button[name="question-choice"]`;

const browser = useBrowser();

describe('the lab asks before the step and plays it after the pick', () => {
  it.each([
    [1280, 720],
    [390, 844],
  ])(
    'at %i×%i: the question, a wrong pick, the verdict naming the right one, the step',
    async (width, height) => {
      const q = listQueueQuestion(0);
      if (!q) throw new Error('slide 14 has a question before step 1');
      const page = await browser.context.newPage();
      const errors = pageErrors(page);
      await page.setViewportSize({ width, height });
      await page.goto(readUrl);
      await page.waitForSelector(`${sel}[data-face="lab"][data-step="0"]`);
      const shown = page.locator(box);
      await shown.waitFor({ state: 'visible' });
      expect(await shown.textContent()).toContain(q.text);
      expect(await page.$$eval(buttons, (b) => b.map((x) => x.textContent))).toEqual(q.choices);
      await shown.scrollIntoViewIfNeeded();
      const dir = screenshotsDir();
      await page.screenshot({ path: join(dir, `question-read-ask-${width}.png`) });
      // The box and every choice fit the screen's width (no sideways scroll on the phone).
      const rights = await page.$$eval(`${box}, ${buttons}`, (els) =>
        els.map((e) => e.getBoundingClientRect().right),
      );
      for (const right of rights) expect(right).toBeLessThanOrEqual(width);

      const wrong = q.answer === 0 ? 1 : 0;
      await page.click(`${buttons} >> nth=${wrong}`);
      await page.waitForSelector(`${sel}[data-step="1"]`);
      expect(await shown.textContent()).toContain(`Нет: ${q.choices[q.answer]}. ${q.explain}`);
      expect(await page.getAttribute(`${sel} li[data-worker="W1"]`, 'data-status')).toBe('busy');
      await settled(page);
      await page.screenshot({ path: join(dir, `question-read-answered-${width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
