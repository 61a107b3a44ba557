/**
 * Leak checks: walk a slide through all its fragments and back, leave it and return, and measure
 * the JS heap after a forced garbage collection.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Used JS heap in bytes after a forced garbage collection through CDP. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

/**
 * Walks slide `section` from before its first fragment to its last and back, then visits the
 * slide `away` slides off (+1: the next, -1: the previous) and returns; one frame per move.
 */
export async function walkSlide(page: Page, section: number, away: 1 | -1): Promise<void> {
  await page.evaluate(
    async ([id, off]) => {
      const d = window.Reveal;
      const s = document.getElementById(`s-${id}`);
      if (!d || !s) throw new Error('no deck');
      const { h } = d.getIndices(s);
      const last = s.querySelectorAll('.fragment').length - 1;
      const pause = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      for (let f = -1; f <= last; f++) {
        d.slide(h, 0, f);
        await pause();
      }
      for (let f = last; f >= -1; f--) {
        d.slide(h, 0, f);
        await pause();
      }
      d.slide(h + off, 0);
      await pause();
      d.slide(h, 0);
      await pause();
    },
    [section, away] as const,
  );
}
