/**
 * Predict, then see on the stage (issue 15 §2) in the built deck at 1280×720: at the step before a
 * key step the stage shows the widget's question as a lettered list (text, no controls, ≥ 24 px on
 * screen) in the legend's place; → plays the step and marks the right choice «✓ верно»; ← asks
 * again; the speaker view's «Дальше» preview shows what → will show. Screenshots of a question step
 * and its answer step for slides 6 (order-flow), 26 (exchange-routing), 31 (kafka-partitions).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { orderFlowQuestion } from '../../src/widgets/order-flow/questions.ts';
import { routingQuestion } from '../../src/widgets/exchange-routing/questions.ts';
import { kafkaQuestion } from '../../src/widgets/kafka-partitions/questions.ts';
import type { Question } from '../../src/widgets/runtime/question.ts';
import { openDeck, screenshotsDir, useBrowser } from './deck-page.ts';
import { settled } from './widget-page.ts';

const deckUrl = inject('deckUrl');
const browser = useBrowser();
const LETTERS = ['А', 'Б', 'В', 'Г'];

/** Presses → (or ←) until the slide's widget is at `step`, each press waiting for reveal.js to move. */
async function stepTo(page: Page, widget: string, step: number): Promise<void> {
  const fragment = (): Promise<string> =>
    page.evaluate(() => JSON.stringify(window.Reveal?.getState()));
  for (let i = 0; i < 40; i++) {
    const now = Number(await page.getAttribute(widget, 'data-step'));
    if (now === step) return;
    const before = await fragment();
    await page.keyboard.press(now < step ? 'ArrowRight' : 'ArrowLeft');
    await expect.poll(fragment).not.toBe(before);
  }
  throw new Error(`${widget} did not reach step ${step}`);
}

/** What the stage's box shows, measured on screen. */
async function stageBox(page: Page, widget: string) {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    const box = root?.querySelector<HTMLElement>(':scope > .w-question');
    if (!root || !box || box.hidden || !box.checkVisibility()) return undefined;
    const texts = [box, ...box.querySelectorAll<HTMLElement>('*')].filter((el) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
    );
    // Font size on screen: reveal scales the slide (0.96 at 1280×720).
    const scale = root.getBoundingClientRect().width / root.offsetWidth;
    const rect = box.getBoundingClientRect();
    const legend = root.querySelector<HTMLElement>(':scope > .w-legend');
    return {
      text: box.querySelector('.w-question__text')?.textContent ?? '',
      items: [...box.querySelectorAll('.w-question__list > li')].map((li) => li.textContent),
      right: [...box.querySelectorAll('.w-question__list > li')].findIndex((li) =>
        li.hasAttribute('data-right'),
      ),
      controls: box.querySelectorAll('button, input, select, textarea').length,
      minPx: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * scale)),
      inside: rect.bottom <= window.innerHeight && rect.right <= window.innerWidth,
      legendShown: legend ? legend.checkVisibility() : false,
      afterPicture: box.previousElementSibling?.classList.contains('w-picture') ?? false,
      previous: box.querySelector('.w-question__previous')?.textContent ?? null,
    };
  }, widget);
}

const CASES: readonly [number, string, number, Question | undefined][] = [
  [6, 'order-flow', 3, orderFlowQuestion('sync', 3)],
  [26, 'exchange-routing', 3, routingQuestion('topic', 3)],
  [31, 'kafka-partitions', 5, kafkaQuestion('producer', 5)],
];

describe('the stage asks the hall, then → marks the answer', () => {
  it.each(CASES)(
    'slide %i (%s): question at step %i, answer after →',
    async (section, name, step, q) => {
      if (!q) throw new Error(`${name} asks before step ${step + 1}`);
      const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-${section}`);
      await page.setViewportSize({ width: 1280, height: 720 });
      const widget = `section[data-section="${section}"] [data-widget="${name}"]`;
      await page.waitForSelector(widget, { state: 'attached' });
      await stepTo(page, widget, step);
      await settled(page);
      const asked = await stageBox(page, widget);
      expect(asked).toMatchObject({
        text: q.text,
        items: q.choices.map((c, i) => `${LETTERS[i]}.${c}`),
        right: -1,
        controls: 0,
        inside: true,
        legendShown: false,
        afterPicture: true,
      });
      expect(asked?.minPx).toBeGreaterThanOrEqual(24);
      await page.screenshot({ path: join(screenshotsDir(), `stage-question-${section}-ask.png`) });

      await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`${widget}[data-step="${step + 1}"]`);
      await settled(page);
      const answered = await stageBox(page, widget);
      // The step that answers may ask the next question too: then the answer is the line above.
      if (answered?.previous) {
        expect(answered.previous).toBe(
          `✓ Ответ: ${LETTERS[q.answer]}. ${q.choices[q.answer] ?? ''}`,
        );
      } else {
        expect(answered).toMatchObject({
          text: q.text,
          right: q.answer,
          controls: 0,
          inside: true,
        });
        expect(answered?.items[q.answer]).toContain('✓ верно');
      }
      expect(answered?.minPx).toBeGreaterThanOrEqual(24);
      await page.screenshot({
        path: join(screenshotsDir(), `stage-question-${section}-answer.png`),
      });

      // ← asks again.
      await page.keyboard.press('ArrowLeft');
      await page.waitForSelector(`${widget}[data-step="${step}"]`);
      expect(await stageBox(page, widget)).toMatchObject({ text: q.text, right: -1 });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('the speaker view previews the answer step as → will show it', async () => {
    const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-26`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const widget = 'section[data-section="26"] [data-widget="exchange-routing"]';
    await page.waitForSelector(widget, { state: 'attached' });
    await stepTo(page, widget, 3);
    const popupOpened = browser.context.waitForEvent('page');
    await page.keyboard.press('s');
    const popup = await popupOpened;
    await popup.locator('.speaker-view').waitFor();
    const q = routingQuestion('topic', 3);
    const next = popup.locator('.speaker-next .w-question--stage');
    await expect.poll(() => next.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => next.locator('li[data-right]').first().textContent(), { timeout: 10_000 })
      .toContain(q?.choices[q.answer] ?? '?');
    const current = popup.locator('.speaker-current .w-question--stage');
    expect(await current.locator('li[data-right]').count()).toBe(0);
    expect(await current.locator('.w-question__text').textContent()).toBe(q?.text);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
