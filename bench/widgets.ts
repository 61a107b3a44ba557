/**
 * Widget benchmark (prints figures, asserts nothing): for every slide with a widget, in headless
 * Chromium, step through the widget's clicker steps while recording animation frames, long tasks
 * (> 50 ms) and the JS heap. Usage: npm run bench:widgets (builds dist/ first).
 */
import { build } from 'vite';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/setup/static-server.ts';

interface Row {
  section: number;
  widget: string;
  steps: number;
  fps: number;
  worstFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  heapMb: string;
}

await build({ logLevel: 'warn' });
const server = await serveStatic('dist');
const browser = await launchChromium();
const rows: Row[] = [];
try {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  // tsx (esbuild keepNames) wraps functions in __name(); functions sent to the page need it too.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(server.url);
  await page.waitForFunction(() => window.Reveal?.isReady() === true);
  const slots = await page.$$eval('.widget-slot', (all) =>
    all.map((s) => ({
      widget: (s as HTMLElement).dataset['widgetSlot'] ?? '',
      section: Number(s.closest('section')?.dataset['section']),
      steps: s.querySelectorAll('.widget-step').length,
    })),
  );
  for (const slot of slots) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBefore = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    const result = await page.evaluate(async ({ section, steps }) => {
      const deck = window.Reveal;
      const slide = document.getElementById(`s-${section}`);
      if (!deck || !slide) throw new Error(`no slide ${section}`);
      const first = slide.querySelector<HTMLElement>('.widget-step');
      const index = Number(first?.dataset['fragmentIndex'] ?? 0);
      deck.slide(deck.getIndices(slide).h, 0, index - 1);
      await new Promise((r) => setTimeout(r, 600));
      if (!slide.querySelector('[data-widget]')) return undefined;
      const long: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) long.push(entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      const frames: number[] = [];
      let running = true;
      const onFrame = (t: number) => {
        frames.push(t);
        if (running) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      const start = performance.now();
      for (let i = 0; i < Math.max(1, steps); i++) {
        if (steps > 0) deck.nextFragment();
        await new Promise((r) => setTimeout(r, 900));
      }
      running = false;
      observer.disconnect();
      const duration = performance.now() - start;
      let worst = 0;
      for (let i = 1; i < frames.length; i++) {
        worst = Math.max(worst, (frames[i] ?? 0) - (frames[i - 1] ?? 0));
      }
      return {
        fps: (frames.length / duration) * 1000,
        worst,
        longTasks: long.length,
        longest: long.length ? Math.max(...long) : 0,
      };
    }, slot);
    if (!result) {
      console.log(`slide ${slot.section}: ${slot.widget} is not built yet (empty slot)`);
      continue;
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfter = ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    rows.push({
      section: slot.section,
      widget: slot.widget,
      steps: slot.steps,
      fps: Math.round(result.fps),
      worstFrameMs: Math.round(result.worst),
      longTasks: result.longTasks,
      longestTaskMs: Math.round(result.longest),
      heapMb: `${(heapBefore / 1e6).toFixed(2)} → ${(heapAfter / 1e6).toFixed(2)}`,
    });
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('slide  widget                 steps   fps  worst frame  long tasks  longest  heap MB');
for (const r of rows) {
  console.log(
    `${String(r.section).padStart(5)}  ${r.widget.padEnd(22)} ${String(r.steps).padStart(5)} ${String(r.fps).padStart(5)} ${`${r.worstFrameMs} ms`.padStart(12)} ${String(r.longTasks).padStart(11)} ${`${r.longestTaskMs} ms`.padStart(8)}  ${r.heapMb}`,
  );
}
