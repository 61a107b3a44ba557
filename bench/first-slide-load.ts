/**
 * One cold load of a reveal.js page up to its first slide, measured the same way for every bench
 * (bench/first-slide.ts, bench/offline.ts): an init script marks reveal's `ready` and the end of
 * the frame that first draws the slide, and logs the latter to the console, which the bench waits
 * on. Told by a console message, not by polling: a poll (`waitForFunction`) would run
 * Playwright's script in the page, some 8 ms of the main thread, before the slide and count it.
 */
import type { BrowserContext } from 'playwright-core';

/** A load's figures, in ms from navigation start (durations for the last two). */
export interface FirstSlideTimes {
  /** First contentful paint (the browser's own entry). */
  readonly paint: number;
  /** reveal.js's `ready` event, with the current slide visible (NaN if it is not). */
  readonly ready: number;
  /** The end of the frame after `ready`: the first slide has been drawn. */
  readonly painted: number;
  /** The page's main-thread task time until then (CDP Performance TaskDuration). */
  readonly mainThread: number;
  /** CPU time of the page's main-thread tasks until painted (a trace's thread time). */
  readonly cpu: number;
}

/**
 * Runs in the page before its own scripts: marks reveal's `ready` (a capture listener on window
 * sees it whether or not it bubbles) and the end of the frame that first draws the slide.
 */
function markFirstSlide(): void {
  window.addEventListener(
    'ready',
    () => {
      performance.mark('bench-ready');
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          performance.mark('bench-painted');
          console.debug('bench-painted');
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true, once: true },
  );
}

/** A trace event as CDP reports it (only the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** CPU ms of the renderer main thread's tasks that started before the `bench-painted` mark. */
function cpuUntilPainted(events: readonly TraceEvent[]): number {
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const painted = events.find((e) => e.name === 'bench-painted')?.ts ?? Number.NaN;
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .filter((e) => e.ts <= painted)
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
}

/**
 * Opens `url` in a new page of `context` (fresh for a cold load; the caller sets it offline or
 * routes it), waits until the first slide has been drawn, closes the page and returns its times.
 */
export async function loadFirstSlide(
  context: BrowserContext,
  url: string,
): Promise<FirstSlideTimes> {
  await context.addInitScript(markFirstSlide);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) =>
    events.push(...(data.value as object[] as TraceEvent[])),
  );
  await cdp.send('Tracing.start', {
    categories: 'disabled-by-default-devtools.timeline,toplevel,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  const drawn = page.waitForEvent('console', (message) => message.text() === 'bench-painted');
  await page.goto(url, { waitUntil: 'commit' });
  await drawn;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await traced;
  const task = metrics.find((m) => m.name === 'TaskDuration')?.value;
  // No named helpers inside: tsx would wrap them in its own __name(), unknown to the page.
  const [paint, ready, painted] = await page.evaluate(() => {
    const slide = document.querySelector('.reveal .slides > section.present');
    const visible = slide !== null && getComputedStyle(slide).visibility !== 'hidden';
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const [readyMark] = performance.getEntriesByName('bench-ready');
    const [paintedMark] = performance.getEntriesByName('bench-painted');
    if (!visible || !readyMark || !paintedMark) return [fcp, NaN, NaN];
    return [fcp, readyMark.startTime, paintedMark.startTime];
  });
  await page.close();
  return {
    paint,
    ready,
    painted,
    mainThread: task === undefined ? Number.NaN : task * 1000,
    cpu: cpuUntilPainted(events),
  };
}
