/**
 * Widget benchmark (prints figures, asserts nothing): for every slide with a widget, in headless
 * Chromium, step through the widget's clicker steps while recording animation frames, long tasks
 * (> 50 ms) and the JS heap. A busy machine stretches tasks and frames by the time the page's
 * thread waits for a core, so a trace of the same steps gives each task's CPU time as well: the
 * longest, and how many took over 50 ms of CPU (what the page itself costs).
 * Usage: npm run bench:widgets (builds dist/ first, or DECK_OUT_DIR).
 */
import type { CDPSession } from 'playwright-core';
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
  cpuLongTasks: number;
  longestCpuMs: number;
  heapMb: string;
}

/** A trace event as CDP reports it (only the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Starts a trace of the page's top-level tasks; the returned function stops it and returns the CPU ms of each. */
async function traceTasks(cdp: CDPSession): Promise<() => Promise<number[]>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }): void => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'disabled-by-default-devtools.timeline,toplevel',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const main = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    return events
      .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
      .map((e) => (e.tdur ?? 0) / 1000);
  };
}

const outDir = process.env['DECK_OUT_DIR'] ?? 'dist';
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await serveStatic(outDir);
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
    const mounted = await page.evaluate(async (section) => {
      const deck = window.Reveal;
      const slide = document.getElementById(`s-${section}`);
      if (!deck || !slide) throw new Error(`no slide ${section}`);
      const first = slide.querySelector<HTMLElement>('.widget-step');
      const index = Number(first?.dataset['fragmentIndex'] ?? 0);
      deck.slide(deck.getIndices(slide).h, 0, index - 1);
      await new Promise((r) => setTimeout(r, 600));
      return slide.querySelector('[data-widget]') !== null;
    }, slot.section);
    if (!mounted) {
      console.log(`slide ${slot.section}: ${slot.widget} is not built yet (empty slot)`);
      continue;
    }
    const stopTrace = await traceTasks(cdp);
    const result = await page.evaluate(async (steps) => {
      const deck = window.Reveal;
      if (!deck) throw new Error('no deck');
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
    }, slot.steps);
    const cpu = await stopTrace();
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
      cpuLongTasks: cpu.filter((ms) => ms > 50).length,
      longestCpuMs: Math.round(Math.max(0, ...cpu)),
      heapMb: `${(heapBefore / 1e6).toFixed(2)} → ${(heapAfter / 1e6).toFixed(2)}`,
    });
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  'slide  widget                 steps   fps  worst frame  long tasks  longest  CPU>50  longest CPU  heap MB',
);
for (const r of rows) {
  console.log(
    `${String(r.section).padStart(5)}  ${r.widget.padEnd(22)} ${String(r.steps).padStart(5)} ${String(r.fps).padStart(5)} ${`${r.worstFrameMs} ms`.padStart(12)} ${String(r.longTasks).padStart(11)} ${`${r.longestTaskMs} ms`.padStart(8)} ${String(r.cpuLongTasks).padStart(7)} ${`${r.longestCpuMs} ms`.padStart(12)}  ${r.heapMb}`,
  );
}
