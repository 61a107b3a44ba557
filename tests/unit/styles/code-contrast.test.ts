/**
 * The code palette (src/styles/code.css) stays legible from the back row: every token colour is
 * ≥ 4.5:1 on the code background and on the current step's band, and the dimmed palette of the
 * lines outside the current step keeps every token at ≥ 4.5:1 too (it dims by colour, never by
 * opacity). The browser test tests/browser/code-size.test.ts checks the colours as rendered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';

const MIN_TEXT = 4.5;
const MIN_UI = 3;
const read = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

interface Rule {
  readonly selector: string;
  readonly declarations: ReadonlyMap<string, string>;
}

/** Flat rules of a stylesheet (an at-rule's inner rules come out as rules of their own). */
function rules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector = '', body = '']) => ({
    selector: selector
      .replace(/^[\s\S]*?@[^{]*$/, '')
      .trim()
      .replace(/\s+/g, ' '),
    declarations: new Map(
      body
        .split(';')
        .map((d) => d.split(/:(.*)/s).map((s) => s.trim()))
        .filter((d): d is [string, string] => d.length >= 2 && d[0] !== '' && d[1] !== undefined)
        .map(([name, value]) => [name, value.replace(/\s+/g, ' ')]),
    ),
  }));
}

const tokenRules = rules(read('src/styles/tokens.css'));
const codeRules = rules(read('src/styles/code.css'));

function ruleOf(list: readonly Rule[], selector: string): Rule {
  const rule = list.find((r) => r.selector === selector);
  if (!rule) throw new Error(`no rule "${selector}"`);
  return rule;
}

const root = ruleOf(tokenRules, ':root').declarations;
/** A colour value with `var(--x)` resolved through `scopes` (innermost first), then :root. */
function resolve(value: string, ...scopes: ReadonlyMap<string, string>[]): string {
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  if (!ref) return value;
  const name = ref[1] ?? '';
  for (const [i, scope] of [...scopes, root].entries()) {
    const found = scope.get(name);
    if (found !== undefined) return resolve(found, ...[...scopes, root].slice(i + 1));
  }
  throw new Error(`${name} is not defined`);
}

const codeBg = resolve('var(--code-bg)');
const band = resolve('var(--code-active)');
const base = ruleOf(codeRules, '.reveal .code-block').declarations;
const dimmed = ruleOf(
  codeRules,
  '.reveal .code-block--focus .code-line:not(.code-line--active)',
).declarations;
const active = ruleOf(codeRules, '.reveal .code-block--focus .code-line--active').declarations;
const palette = [...base.keys()].filter((name) => name.startsWith('--code-c-'));
const tokenColours = palette.filter((name) => name !== '--code-c-line-number');

describe('code palette', () => {
  it('has a colour for text, comments and the Prism token groups', () => {
    expect(tokenColours.length).toBeGreaterThanOrEqual(10);
  });

  it.each(palette)('%s is ≥ 4.5:1 on the code background and on the current step', (name) => {
    const colour = resolve(`var(${name})`, base);
    expect(contrastRatio(colour, codeBg)).toBeGreaterThanOrEqual(MIN_TEXT);
    const onBand = resolve(`var(${name})`, active, base);
    expect(contrastRatio(onBand, band)).toBeGreaterThanOrEqual(MIN_TEXT);
  });

  it.each(tokenColours)('%s dimmed stays ≥ 4.5:1 and is dimmer than the current step', (name) => {
    const value = dimmed.get(name);
    expect(value, `${name} has no dimmed colour`).toBeDefined();
    const colour = resolve(value ?? '', dimmed, base);
    const ratio = contrastRatio(colour, codeBg);
    expect(ratio).toBeGreaterThanOrEqual(MIN_TEXT);
    expect(ratio).toBeLessThan(contrastRatio(resolve(`var(${name})`, base), codeBg));
  });

  it('marks the current step with a bar (≥ 3:1 on its band and on the code background)', () => {
    const bar = resolve('var(--code-active-bar)', base);
    expect(active.get('box-shadow')).toContain('var(--code-active-bar)');
    expect(contrastRatio(bar, band)).toBeGreaterThanOrEqual(MIN_UI);
    expect(contrastRatio(bar, codeBg)).toBeGreaterThanOrEqual(MIN_UI);
  });

  it('colours every Prism token through the palette, so the dimmed set covers each', () => {
    const tokens = codeRules.filter((r) => r.selector.includes('.token.'));
    expect(tokens.length).toBeGreaterThanOrEqual(8);
    for (const rule of tokens) {
      const colour = rule.declarations.get('color') ?? '';
      const name = /^var\((--code-c-[\w-]+)\)$/.exec(colour)?.[1];
      expect(name, `${rule.selector}: ${colour}`).toBeDefined();
      expect(tokenColours).toContain(name);
    }
  });

  it('never dims code lines by opacity', () => {
    for (const rule of codeRules.filter((r) => r.selector.includes('code-line')))
      expect(rule.declarations.has('opacity'), rule.selector).toBe(false);
  });
});
