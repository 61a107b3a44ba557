/**
 * Seeded monkey over every widget lab (prints figures; exits 1 on a finding): in headless
 * Chromium, on each slide with a widget, open the lab and make random moves — click a control,
 * type a hostile or ordinary text and submit it, pick an option (or a value that is not one),
 * move the clicker, toggle the lab, press Space/Enter on the focused control. Collected: page
 * errors, console errors, requests to another host, captions carrying a control or bidi
 * character, and a widget root that lost its step. The same seed makes the same moves.
 * Usage: npx tsx bench/monkey.ts [seed] [moves per slot] (builds DECK_OUT_DIR, default dist-monkey).
 */
import { build } from 'vite';
import { launchChromium } from '../tests/browser/chromium.ts';
import { deckReady } from '../tests/browser/deck-page.ts';
import { serveStatic } from '../tests/setup/static-server.ts';

const seed = Number(process.argv[2] ?? 20261207);
const movesPerSlot = Number(process.argv[3] ?? 120);

/** Texts a student (or a cat on the keyboard) might type. */
const TEXTS = [
  '',
  '   ',
  '\t\u00a0',
  '\u200b\u200d',
  '\u0007',
  'заказ\u202eтекст',
  '\u2066a=b',
  'שלום',
  '__proto__',
  'constructor',
  '__proto__=x',
  'x-match=any, __proto__=x',
  'k'.repeat(300),
  'а'.repeat(60),
  '<img src=x onerror=alert(1)>',
  '-1',
  '0',
  '1',
  '3',
  '7',
  '40',
  '999999',
  '1e9',
  'NaN',
  '+40',
  '-1000',
  'user-42',
  'order.created.eu',
  '#.eu',
  '*.*',
  'status=paid, region=eu',
  '😀',
];

interface SlotResult {
  moves: number;
  /** Moves after which the caption differed: what the widget took. */
  changes: number;
  /** Distinct steps seen. */
  steps: number;
  kinds: Record<string, number>;
  badCaptions: string[];
  lost: boolean;
}

const outDir = process.env['DECK_OUT_DIR'] ?? 'dist-monkey';
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await serveStatic(outDir);
const origin = new URL(server.url).origin;
const browser = await launchChromium();
const findings: string[] = [];
let total = 0;
let changed = 0;
const started = performance.now();

const page = await browser.context.newPage();
// tsx keeps function names with an `__name` helper the page does not have.
await page.addInitScript({ content: 'window.__name = (f) => f;' });
page.on('pageerror', (e) => findings.push(`pageerror: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') findings.push(`console: ${m.text()}`);
});
page.on('request', (r) => {
  const url = r.url();
  if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
    findings.push(`request to another host: ${url}`);
});
await page.goto(server.url);
await deckReady(page);
const slots = await page.$$eval('section[id^="s-"] .widget-slot', (all) =>
  all.map((slot) => ({
    section: slot.closest('section[id^="s-"]')?.id ?? '',
    index: [...(slot.closest('section')?.querySelectorAll('.widget-slot') ?? [])].indexOf(slot),
  })),
);

for (const [n, { section, index }] of slots.entries()) {
  const before = findings.length;
  await page.evaluate((id) => {
    const deck = window.Reveal;
    const slide = document.getElementById(id);
    if (!deck || !slide) throw new Error('no deck');
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v, -1);
  }, section);
  await page.waitForFunction(
    ([id, i]) => {
      const slots = document.getElementById(id as string)?.querySelectorAll('.widget-slot');
      return slots?.[i as number]?.querySelector('[data-widget][data-step]') != null;
    },
    [section, index] as const,
  );
  const result: SlotResult = await page.evaluate(
    async ([id, i, slotSeed, moves, texts]) => {
      // mulberry32: a small seeded PRNG, so a seed replays the same moves.
      let a = slotSeed as number;
      const random = (): number => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T>(items: readonly T[]): T | undefined =>
        items[Math.floor(random() * items.length)];
      const slot = document.getElementById(id as string)?.querySelectorAll('.widget-slot')[
        i as number
      ] as HTMLElement;
      const root = (): HTMLElement | null => slot.querySelector<HTMLElement>('[data-widget]');
      const key = (name: string, target: EventTarget = document.activeElement ?? document.body) =>
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: name, code: name, bubbles: true, cancelable: true }),
        );
      const shown = (el: Element): boolean =>
        el instanceof HTMLElement && el.offsetParent !== null && !el.closest('[hidden]');
      const kinds: Record<string, number> = {};
      const badCaptions: string[] = [];
      // Controls and embeddings/overrides never reach a caption; student text is isolated with
      // FSI…PDI (U+2068/U+2069), which must pair up.
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      const forbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066\u2067]/u;
      const unpaired = (text: string): boolean =>
        (text.match(/\u2068/g) ?? []).length !== (text.match(/\u2069/g) ?? []).length;
      const lab = root()?.querySelector<HTMLButtonElement>('button[name="lab"]');
      if (lab && root()?.dataset['face'] !== 'lab') lab.click();
      const section = document.getElementById(id as string) as HTMLElement;
      const steps = new Set<string>();
      let changes = 0;
      let lastCaption = '';
      for (let move = 0; move < (moves as number); move++) {
        const r = root();
        if (!r) break;
        // An arrow key that left the slide: come back at a random fragment.
        const deck = window.Reveal;
        if (deck && deck.getCurrentSlide() !== section) {
          const { h, v } = deck.getIndices(section);
          const fragments = section.querySelectorAll('.fragment').length;
          deck.slide(h, v, Math.floor(random() * (fragments + 1)) - 1);
        }
        const controls = [
          ...r.querySelectorAll<HTMLElement>('button, input, select, [role="tab"]'),
        ].filter((c) => shown(c) && !(c as HTMLButtonElement).disabled);
        const roll = random();
        let kind: string;
        if (roll < 0.3) {
          kind = 'click';
          pick(controls.filter((c) => !(c instanceof HTMLSelectElement)))?.click();
        } else if (roll < 0.55) {
          kind = 'type';
          const field = pick(
            controls.filter(
              (c): c is HTMLInputElement =>
                c instanceof HTMLInputElement && (c.type === 'text' || c.type === 'number'),
            ),
          );
          if (field) {
            field.focus();
            field.value = pick(texts as string[]) ?? '';
            field.dispatchEvent(new Event('input', { bubbles: true }));
            if (random() < 0.5) key('Enter', field);
            else field.dispatchEvent(new Event('change', { bubbles: true }));
          }
        } else if (roll < 0.65) {
          kind = 'select';
          const select = pick(
            controls.filter((c): c is HTMLSelectElement => c instanceof HTMLSelectElement),
          );
          if (select) {
            const options = [...select.options].map((o) => o.value);
            select.value = random() < 0.15 ? 'not-an-option' : (pick(options) ?? '');
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }
        } else if (roll < 0.9) {
          kind = 'seek';
          key(random() < 0.6 ? 'ArrowRight' : 'ArrowLeft', document.body);
        } else if (roll < 0.95) {
          kind = 'space-enter';
          const target = pick(controls);
          target?.focus();
          key(random() < 0.5 ? ' ' : 'Enter', target ?? document.body);
        } else {
          kind = 'lab-toggle';
          r.querySelector<HTMLButtonElement>('button[name="lab"]')?.click();
        }
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        const caption = r.querySelector('[role="status"]')?.textContent ?? '';
        if (caption !== lastCaption) changes++;
        lastCaption = caption;
        steps.add(r.dataset['step'] ?? '');
        if (forbidden.test(caption) || unpaired(caption)) badCaptions.push(caption.slice(0, 120));
        if (move % 8 === 7) await new Promise((done) => requestAnimationFrame(done));
      }
      return {
        moves: moves as number,
        kinds,
        badCaptions,
        lost: root()?.dataset['step'] === undefined,
        changes,
        steps: steps.size,
      };
    },
    [section, index, seed + n * 7919, movesPerSlot, TEXTS] as const,
  );
  total += result.moves;
  changed += result.changes;
  if (result.lost) findings.push(`${section}#${index}: the widget lost its data-step`);
  for (const c of result.badCaptions) findings.push(`${section}#${index}: caption ${c}`);
  const widget = await page.$eval(
    `#${section}`,
    (s, i) => {
      const r = s.querySelectorAll('.widget-slot')[i]?.querySelector<HTMLElement>('[data-widget]');
      return r?.dataset['widget'] ?? '?';
    },
    index,
  );
  console.log(
    `${section} ${widget}: ${result.moves} moves ${JSON.stringify(result.kinds)}, caption changed ${result.changes}×, ${result.steps} steps seen, ${findings.length - before} findings`,
  );
}

const seconds = (performance.now() - started) / 1000;
console.log(
  `seed ${seed}: ${total} moves on ${slots.length} widget slots in ${seconds.toFixed(1)} s (caption changed after ${changed}), ${findings.length} findings`,
);
for (const f of findings.slice(0, 40)) console.log(`  ${f}`);
await browser.close();
await server.close();
process.exitCode = findings.length === 0 ? 0 : 1;
