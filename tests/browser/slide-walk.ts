/**
 * Leak checks: walk a slide through all its fragments and back, leave it and return, and measure
 * the JS heap after a forced garbage collection.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Used JS heap in bytes after forced garbage collections through CDP (three: weak cycles go too). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

/**
 * Bytes of the heap's objects after forced garbage collections, from a heap snapshot, leaving out
 * compiled code (V8 keeps optimising the deck's functions walk after walk: that code grows for a
 * while and is not a leak) — what is left is what widgets, listeners and the DOM retain.
 */
export async function objectHeapAfterGc(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  let json = '';
  const onChunk = (event: { chunk: string }): void => {
    json += event.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    if (typeNames[snapshot.nodes[i + typeAt] ?? 0] !== 'code')
      bytes += snapshot.nodes[i + sizeAt] ?? 0;
  }
  return bytes;
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

/**
 * The GC'd heap after two warm-up walks of slide `section` (walkSlide, `away` as there) and again
 * after three more: what a widget's leak check compares.
 */
export async function heapAcrossWalks(
  page: Page,
  section: number,
  away: 1 | -1,
): Promise<{ before: number; after: number }> {
  const cdp = await page.context().newCDPSession(page);
  await walkSlide(page, section, away);
  await walkSlide(page, section, away);
  const before = await heapAfterGc(cdp);
  for (let i = 0; i < 3; i++) await walkSlide(page, section, away);
  const after = await heapAfterGc(cdp);
  await cdp.detach();
  return { before, after };
}
