/**
 * «Весь файл» as a student uses it, for the deck, reading view and one-file tests: press the
 * button on a code block, wait for «Скопировано» and its announcement, and read what reached the
 * clipboard — through the Clipboard API, or, where a page has none, from the `copy` event of the
 * fallback's selected textarea. Compared with the example file on disk, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './deck-page.ts';

/** The «Весь файл» buttons of a page (or of a part of it). */
export const COPY_FILE_BUTTON = 'button[name="copy-file"]';

/** The example file's bytes as the repository holds them. */
export function fileOnDisk(path: string): Buffer {
  return readFileSync(join(repoRoot, path));
}

/** True when `text`, UTF-8 encoded, is exactly the file at `path`. */
export function sameAsOnDisk(text: string, path: string): boolean {
  return Buffer.from(text, 'utf8').equals(fileOnDisk(path));
}

/** Presses `button` the way asked, waits for «Скопировано» and the live region's message. */
export async function pressCopy(
  page: Page,
  button: Locator,
  how: 'click' | 'Enter' | 'Space',
): Promise<void> {
  if (how === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press(how);
  }
  await expect.poll(() => button.textContent()).toBe('Скопировано');
}

/** The path a «Весь файл» button copies: its code block's `data-file`. */
export function blockFile(button: Locator): Promise<string> {
  return button.evaluate((b) => b.closest<HTMLElement>('.code-block')?.dataset['file'] ?? '');
}

/** Puts a marker on the clipboard, so that a copy that does nothing cannot pass. */
export function clearClipboard(page: Page): Promise<void> {
  return page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
}

/** What the Clipboard API holds now. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Goes to the first slide with a code block from a file, clicks its «Весь файл» and returns the
 * file's path and what then is on the clipboard (through the Clipboard API).
 */
export async function copyFirstFile(page: Page): Promise<{ path: string; copied: string }> {
  const slide = await page.evaluate(() => {
    const section = document.querySelector('.code-block[data-file]')?.closest('section');
    const deck = window.Reveal;
    if (section && deck) deck.slide(deck.getIndices(section).h);
    return section?.id ?? '';
  });
  const button = page.locator(`#${slide} ${COPY_FILE_BUTTON}`).first();
  const path = await blockFile(button);
  await clearClipboard(page);
  await pressCopy(page, button, 'click');
  return { path, copied: await readClipboard(page) };
}

/** What the page's live region for the copy buttons says now. */
export function copyAnnouncement(page: Page, scope = 'body'): Promise<string> {
  return page.locator(`${scope} .code-copy-status[role="status"]`).first().innerText();
}

/**
 * For pages without the Clipboard API: records what every `copy` command put on the clipboard
 * (the fallback selects a textarea and runs `execCommand('copy')`), read by `copiedByCommand`.
 * Call before the page loads.
 */
export async function recordCopyCommands(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const copies: string[] = [];
    Object.defineProperty(window, '__copies', { value: copies });
    document.addEventListener(
      'copy',
      () => {
        const area = document.activeElement;
        copies.push(
          area instanceof HTMLTextAreaElement
            ? area.value.slice(area.selectionStart, area.selectionEnd)
            : String(document.getSelection()),
        );
      },
      true,
    );
  });
}

/** Every text a `copy` command copied since the page loaded (see recordCopyCommands). */
export function copiedByCommand(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __copies: string[] }).__copies);
}

/** Makes the page have no Clipboard API (as some file:// pages and older browsers). */
export async function withoutClipboardApi(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => undefined,
    });
  });
}
