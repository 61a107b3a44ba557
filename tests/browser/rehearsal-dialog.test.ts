/**
 * The speaker view's rehearsal report is a modal `<dialog>` (showModal): the window behind it is
 * inert, Tab never reaches a control behind it, Esc closes it, and focus returns to the button
 * that opened it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openDeck, pageErrors, screenshotsDir, useBrowser } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const browser = useBrowser();

/** Where focus is in the speaker window: inside the report, on a control behind it, or nowhere. */
const focusPlace = (popup: Page): Promise<string> =>
  popup.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nowhere';
    if (active.closest('.speaker-report')) return 'report';
    return `behind: ${active.tagName} ${active.textContent?.trim().slice(0, 30) ?? ''}`;
  });

describe('rehearsal report dialog', () => {
  it('is a modal <dialog> that traps focus, closes on Esc and gives focus back to its opener', async () => {
    const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-5`);
    const popupPromise = browser.context.waitForEvent('page');
    await page.keyboard.press('s');
    const popup = await popupPromise;
    const popupErrors = pageErrors(popup, { withConsole: true });
    await popup.setViewportSize({ width: 1280, height: 800 });
    await popup.locator('.speaker-view').waitFor();

    const opener = popup.getByRole('button', { name: 'Отчёт о репетиции' });
    await opener.focus();
    await popup.keyboard.press('Enter');
    const dialog = popup.locator('dialog.speaker-report');
    await popup.locator('.speaker-report[data-charts="ready"]').waitFor();
    await expect(dialog.evaluate((d) => d.matches(':modal'))).resolves.toBe(true);
    await expect(popup.getByRole('dialog', { name: 'Отчёт о репетиции' }).count()).resolves.toBe(1);
    await expect(focusPlace(popup)).resolves.toBe('report');
    await popup.screenshot({ path: `${screenshotsDir()}/speaker-report-dialog.png` });

    // Tab and Shift+Tab through the report and past its ends: never a control behind it.
    const places = new Set<string>();
    for (const key of [...Array<string>(25).fill('Tab'), ...Array<string>(25).fill('Shift+Tab')]) {
      await popup.keyboard.press(key);
      places.add(await focusPlace(popup));
    }
    expect([...places].filter((p) => p.startsWith('behind'))).toEqual([]);
    expect(places.has('report')).toBe(true);
    // The window behind is covered: a click where its report button is lands on the dialog.
    await expect(
      opener.evaluate((b) => {
        const box = b.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return hit?.closest('dialog') !== null && hit !== b;
      }),
    ).resolves.toBe(true);

    await popup.locator('dialog.speaker-report button').first().focus();
    await popup.keyboard.press('Escape');
    await expect(popup.locator('.speaker-report').count()).resolves.toBe(0);
    await expect(opener.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    // Esc closed the report only: the deck did not move.
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#/s-5');

    // Opened again (by a click) and closed with its own button: focus back on the opener again.
    await opener.click();
    await dialog.waitFor();
    await popup.getByRole('button', { name: 'Закрыть' }).click();
    await expect(popup.locator('.speaker-report').count()).resolves.toBe(0);
    await expect(opener.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

    expect(popupErrors).toEqual([]);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
