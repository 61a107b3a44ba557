/**
 * Every rule in a widget's stylesheet is scoped to that widget: its selector names one of the
 * widget's own classes (`w-xx-…`) or its root (`[data-widget='name']`). A widget's CSS loads with
 * its slide and stays for the visit, so an unscoped rule (`.w-root[data-face='stage'] > .w-picture`)
 * would reshape every widget shown after it — slide 24's picture shrank after slide 17 was seen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WIDGETS_DIR = join(process.cwd(), 'src', 'widgets');
/** Runtime classes every widget shares: naming only these does not scope a rule. */
const SHARED = new Set([
  'w-root',
  'w-root--kit',
  'w-picture',
  'w-lab',
  'w-lab-only',
  'w-lab-note',
  'w-lab-toggle',
  'w-legend',
  'w-legend-item',
  'w-caption',
  'w-button',
  'w-field',
  'w-field-error',
  'w-inputs',
  'w-input-group',
  'w-toolbar',
  'w-stage',
  'w-stage-fill',
  'w-card',
  'w-plain-list',
  'w-card-title',
  'w-code',
  'w-stage-column',
]);

/** A selector list split at its top-level commas (not those inside `:not(…)` or `:is(…)`). */
function splitList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** The selectors of every rule in `css` (comments and at-rule preludes removed). */
function selectors(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  for (const match of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = (match[1] ?? '').trim();
    if (prelude.startsWith('@') || /^(from|to|\d+%)$/.test(prelude)) continue;
    out.push(...splitList(prelude).map((s) => s.replace(/\s+/g, ' ').trim()));
  }
  return out.filter(Boolean);
}

function scoped(selector: string, widget: string): boolean {
  if (
    selector.includes(`[data-widget='${widget}']`) ||
    selector.includes(`[data-widget="${widget}"]`)
  )
    return true;
  const classes = [...selector.matchAll(/\.(w-[\w-]+)/g)].map((m) => m[1] ?? '');
  return classes.some((c) => !SHARED.has(c));
}

const sheets = readdirSync(WIDGETS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'runtime')
  .flatMap((d) =>
    readdirSync(join(WIDGETS_DIR, d.name))
      .filter((f) => f.endsWith('.css'))
      .map((f) => ({ widget: d.name, file: `src/widgets/${d.name}/${f}` })),
  );

describe('widget stylesheets are scoped to their widget', () => {
  it('finds the widget stylesheets', () => {
    expect(sheets.length).toBeGreaterThanOrEqual(10);
  });

  for (const { widget, file } of sheets) {
    it(`${file}: every selector names the widget's own class or root`, () => {
      const css = readFileSync(join(process.cwd(), file), 'utf8');
      // `[hidden]` hiding is the platform's own rule, stated again for widgets: harmless anywhere.
      const loose = selectors(css).filter(
        (s) => !/^\.w-root \[hidden\]$/.test(s) && !scoped(s, widget),
      );
      expect(loose).toEqual([]);
    });
  }
});
