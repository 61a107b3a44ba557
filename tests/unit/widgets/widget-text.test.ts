// @vitest-environment happy-dom
/**
 * What the audience reads in the widgets, walked as a student would: every widget on every slide
 * that embeds it, through every clicker step, in happy-dom. Each step's caption starts with a
 * capital letter, and the widget's visible text (caption, legend, labels; not code) uses the
 * terms of docs/GLOSSARY.md («Forms to avoid» column).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mountWidget, type WidgetHandle } from '../../../src/widgets/runtime/mount.ts';
import { WIDGET_CATALOG } from '../../../src/widgets/catalog.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSlide } from '../../../src/pipeline/parse-slide.ts';

interface TermRule {
  readonly use: string;
  readonly avoid: RegExp;
  /** Phrases where the avoided word is right (an exchange type, an API name), removed first. */
  readonly except?: RegExp;
}

// \p{L} lookarounds: JavaScript's \b does not know Cyrillic letters. Digits and «-» after a word
// make it an identifier (worker1, consumer-2), which the picture shows as the API names it.
const word = (body: string, flags = 'u'): RegExp =>
  new RegExp(`(?<![\\p{L}_.])(?:${body})(?![\\p{L}\\d_-])`, flags);

/** docs/GLOSSARY.md, «Forms to avoid», as they can occur in widget text. */
const TERM_RULES: readonly TermRule[] = [
  { use: 'воркер', avoid: word('[Ww]orkers?') },
  { use: 'consumer', avoid: /потребител|консьюмер/iu },
  { use: "consumer'ы / consumer'ов", avoid: word('consumers', 'iu') },
  { use: "apostrophe ' (consumer'а)", avoid: /(?:consumer|producer|exchange|offset)’/iu },
  { use: 'producer', avoid: /продюсер|производител(?!ьн)/iu },
  { use: "producer'ы", avoid: word('producers', 'iu') },
  {
    use: 'издатель / подписчик',
    avoid: /publisher|subscriber|паблишер/iu,
    except: /publisher confirms?/giu,
  },
  { use: 'exchange', avoid: /обменник|точк\p{L}* обмена|(?<!\p{L})exchanges(?!\p{L})/iu },
  { use: 'очередь', avoid: word('[Qq]ueues?'), except: /Task Queue|Message Queue/g },
  { use: 'привязка', avoid: word('[Bb]indings?') },
  { use: 'routing key', avoid: /ключ\p{L}* маршрутизации|роутинг/iu },
  { use: 'партиция', avoid: /(?<!\p{L})partitions?(?![\p{L}_])|партишн/iu },
  { use: 'offset', avoid: /смещени/iu },
  { use: 'повтор', avoid: /(?<![\p{L}_.])[Rr]etr(?:y|ies)(?![\p{L}_(=])|ретра/u },
  { use: 'задача', avoid: /(?<!\p{L})таск/iu },
  { use: 'at least once (без дефисов)', avoid: /at-(?:most|least)-once|exactly-once/iu },
  { use: 'кэш / хэш', avoid: /(?<!\p{L})(?:кеш|хеш)/iu },
];

/** Text the audience reads: the widget's text without code, form values and hidden parts. */
function visibleProse(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('code, pre, kbd, samp, input, textarea, select, [hidden]'))
    el.remove();
  return copy.textContent ?? '';
}

function termViolations(where: string, text: string): string[] {
  return TERM_RULES.flatMap((rule) => {
    const checked = rule.except ? text.replace(rule.except, ' ') : text;
    const hit = rule.avoid.exec(checked);
    return hit ? [`${where}: «${hit[0]}» → ${rule.use}`] : [];
  });
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
  .map((f) => parseSlide(`slides/${f}`, readFileSync(join(SLIDES, f), 'utf8')))
  .filter((s) => !s.hidden)
  .flatMap((s) => s.widgets.map((w) => ({ section: String(s.section), widget: w })))
  .filter(({ widget }) => !widget.startsWith('chart-'));

describe('widget text as a student reads it, step by step', () => {
  it('the rules catch the avoided forms and pass the glossary’s own terms and identifiers', () => {
    const sample = (text: string) => termViolations('sample', text);
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
    const catalogue = Object.keys(WIDGET_CATALOG).filter((w) => !w.startsWith('chart-'));
    expect([...walked].sort()).toEqual(catalogue.sort());
  });

  for (const { section, widget } of placements) {
    it(`slide ${section}, ${widget}: every caption starts with a capital and uses the glossary's terms`, async () => {
      const entry = WIDGET_CATALOG[widget as keyof typeof WIDGET_CATALOG];
      if (!entry) throw new Error(`no catalogue entry for ${widget}`);
      const module = await entry.load();
      const slide = document.createElement('section');
      slide.dataset['section'] = section;
      const slot = document.createElement('div');
      slide.append(slot);
      document.body.append(slide);
      handle = mountWidget(slot, widget, module, { reducedMotion: true });
      const lower: string[] = [];
      const terms: string[] = [];
      for (let step = 0; step <= entry.steps; step++) {
        handle.setStep(step, false);
        const caption = handle.root.querySelector('[role=status]')?.textContent?.trim() ?? '';
        if (!startsRight(caption)) lower.push(`step ${step}: «${caption.slice(0, 60)}…»`);
        terms.push(...termViolations(`step ${step}`, visibleProse(handle.root)));
      }
      expect(lower).toEqual([]);
      expect([...new Set(terms)]).toEqual([]);
    });
  }
});
