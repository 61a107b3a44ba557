/**
 * Two of issue 13's rules for widget code, checked on the source text: a read after an index is
 * never cast (`x[i] as T` undoes noUncheckedIndexedAccess: use core/at.ts's `at`, which throws a
 * clear RangeError, or narrow), and a widget's CSS class names are written only in its
 * `classes.ts` (ids made with `host.id`/`uniqueId` and CSS custom properties are not classes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WIDGETS_DIR = join(process.cwd(), 'src', 'widgets');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line: text` of every line of `files` that `matches`. */
function offending(files: readonly string[], matches: (line: string) => boolean): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        matches(line) ? [`${relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

/** A value read at an index and cast: `name[expr] as T` (not `as const`). */
export const INDEX_CAST = /[\w)\]]\[[^\]]+\]\s+as\s+(?!const\b)/;

/** A widget class (`w-xx-…`) inside a string, once ids and CSS custom properties are taken out. */
export function namesWidgetClass(line: string): boolean {
  const code = line
    .replace(/\b(?:host\.id|uniqueId)\((?:[^()]|\([^()]*\))*\)/g, 'ID')
    .replace(/--w-[\w-]+/g, 'VAR');
  return /['"`][^'"`]*(?<![\w-])w-[a-z]{2}-[\w-]*/.test(code);
}

describe('widget source rules (issue 13)', () => {
  const files = tsFiles(WIDGETS_DIR);

  it('finds the widget sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no value read at an index is cast with `as`', () => {
    expect(INDEX_CAST.test('const e = next.events[i] as CeleryEvent;')).toBe(true);
    expect(INDEX_CAST.test('const MODES = [a, b] as const;')).toBe(false);
    expect(offending(files, (line) => INDEX_CAST.test(line))).toEqual([]);
  });

  it('widget class names are written only in classes.ts', () => {
    expect(namesWidgetClass(`svg.querySelectorAll('.w-kp-marker')`)).toBe(true);
    expect(namesWidgetClass(`h('div', { class: 'w-of-lane' })`)).toBe(true);
    expect(namesWidgetClass("h('select', { id: host.id(`w-of-fail-${task}`) })")).toBe(false);
    expect(namesWidgetClass('style: `--w-cr-c:${colour}`')).toBe(false);
    const outside = files.filter((file) => !file.endsWith('classes.ts'));
    expect(offending(outside, namesWidgetClass)).toEqual([]);
  });
});
