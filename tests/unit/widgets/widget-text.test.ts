// @vitest-environment happy-dom
/**
 * What the audience reads in the widgets, walked as a student would: every widget on every slide
 * that embeds it, through every clicker step, in happy-dom. Each step's caption starts with a
 * capital letter, and the widget's visible text (caption, legend, labels; not code) uses the
 * terms of docs/GLOSSARY.md («Forms to avoid» column).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mountWidget, type WidgetHandle } from '../../../src/widgets/runtime/mount.ts';
import { catalogEntry } from '../../../src/widgets/catalog.ts';
import { WIDGET_NAMES } from '../../../src/lecture/names.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGET_MARKER, parseSlide } from '../../../src/pipeline/parse-slide.ts';
import { glossaryRules, termViolations } from '../glossary-terms.ts';

/** docs/GLOSSARY.md, «Forms to avoid», as they can occur in widget text. */
const TERM_RULES = glossaryRules('widget');

/** Text the audience reads: the widget's text without code, form values and hidden parts. */
function visibleProse(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('code, pre, kbd, samp, input, textarea, select, [hidden]'))
    el.remove();
  return copy.textContent ?? '';
}

/**
 * A caption starts with a capital letter, or with an identifier the picture shows as the API
 * spells it (worker1, send_email.delay(), prefetch=1, server-2): code keeps its case.
 */
function startsRight(caption: string): boolean {
  const first = caption.charAt(0);
  if (first === first.toUpperCase()) return true;
  const token = caption.split(/[\s:]/, 1)[0] ?? '';
  return /[\d_.(=-]/.test(token);
}

let handle: WidgetHandle | undefined;
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  document.body.replaceChildren();
});

// happy-dom's URL is not Node's, so the slides folder is found from the working directory
// (vitest runs at the repository root).
const SLIDES = join(process.cwd(), 'slides');

/** Every (slide, widget) pair the deck shows, from the slides' front-matter. */
const placements = readdirSync(SLIDES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = readFileSync(join(SLIDES, f), 'utf8');
    const stories = new Map([...text.matchAll(WIDGET_MARKER)].map((m) => [m[1], m[3]]));
    return { slide: parseSlide(`slides/${f}`, text), stories };
  })
  .filter(({ slide }) => !slide.hidden)
  .flatMap(({ slide, stories }) =>
    slide.widgets.map((w) => ({
      section: String(slide.section),
      widget: w,
      story: stories.get(w),
    })),
  )
  .filter(({ widget }) => !widget.startsWith('chart-'));

describe('widget text as a student reads it, step by step', () => {
  it('the rules catch the avoided forms and pass the glossary’s own terms and identifiers', () => {
    const sample = (text: string) => termViolations('sample', text, TERM_RULES);
    expect(
      sample('Worker 1 упал; consumers ждут; consumer’а; retry 1 из 3; at-least-once'),
    ).toHaveLength(5);
    expect(
      sample(
        "Воркер 1 упал; worker1, consumer-2; consumer'ов; повтор 1 из 3 — RETRY; at least once; publisher confirms",
      ),
    ).toEqual([]);
    expect(['exchange logs: …', 'worker1 получил', 'Воркер 1'].map(startsRight)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('the walk covers every non-chart widget of the catalogue', () => {
    const walked = new Set(placements.map((p) => p.widget));
    const catalogue = WIDGET_NAMES.filter((w) => !w.startsWith('chart-'));
    expect([...walked].sort()).toEqual(catalogue.sort());
  });

  for (const { section, widget, story } of placements) {
    it(`slide ${section}, ${widget}: every caption starts with a capital and uses the glossary's terms`, async () => {
      const entry = catalogEntry(widget);
      const module = await entry.load();
      const slide = document.createElement('section');
      slide.dataset['section'] = section;
      const slot = document.createElement('div');
      slide.append(slot);
      document.body.append(slide);
      handle = mountWidget(slot, widget, module, { reducedMotion: true, story });
      const lower: string[] = [];
      const terms: string[] = [];
      for (let step = 0; step <= entry.steps; step++) {
        handle.setStep(step, false);
        const caption = handle.root.querySelector('[role=status]')?.textContent?.trim() ?? '';
        if (!startsRight(caption)) lower.push(`step ${step}: «${caption.slice(0, 60)}…»`);
        terms.push(...termViolations(`step ${step}`, visibleProse(handle.root), TERM_RULES));
      }
      expect(lower).toEqual([]);
      expect([...new Set(terms)]).toEqual([]);
    });
  }
});
