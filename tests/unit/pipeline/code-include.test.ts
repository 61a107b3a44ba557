/** Code includes: fence info, regions, steps, and Prism HTML split into lines. */
import { describe, expect, it } from 'vitest';
import { extractRegion, parseFenceInfo, parseSteps } from '../../../src/pipeline/code-include.ts';
import { highlightLines, splitHtmlLines } from '../../../src/pipeline/highlight.ts';

describe('parseFenceInfo', () => {
  it('reads language, file, region and quoted steps', () => {
    expect(parseFenceInfo('python file=examples/a.py region=main steps="1-4|6-12"')).toEqual({
      lang: 'python',
      file: 'examples/a.py',
      region: 'main',
      steps: '1-4|6-12',
    });
    expect(parseFenceInfo('bash')).toEqual({ lang: 'bash', file: null, region: null, steps: null });
  });
});

describe('extractRegion', () => {
  const source = [
    'import os',
    '# region: a',
    '    x = 1',
    '    # region: b',
    '    y = 2',
    '    # endregion',
    '# endregion',
    'z = 3',
  ].join('\n');

  it('cuts the region, strips nested markers and common indentation', () => {
    expect(extractRegion(source, 'a')).toBe('x = 1\ny = 2');
    expect(extractRegion(source, 'b')).toBe('y = 2');
  });

  it('shows the whole file without any markers', () => {
    expect(extractRegion(source, null)).toBe('import os\n    x = 1\n    y = 2\nz = 3');
  });

  it('fails on a missing or unclosed region', () => {
    expect(() => extractRegion(source, 'c')).toThrow(/region "c" not found/);
    expect(() => extractRegion('# region: a\nx', 'a')).toThrow(/not closed/);
  });
});

describe('parseSteps', () => {
  it('expands ranges and lists', () => {
    expect(parseSteps('1-3|5,7|2', 8)).toEqual([[1, 2, 3], [5, 7], [2]]);
  });

  it('rejects malformed or out-of-range steps', () => {
    expect(() => parseSteps('1-x', 5)).toThrow(/bad step/);
    expect(() => parseSteps('4-9', 5)).toThrow(/outside the snippet's lines 1–5/);
    expect(() => parseSteps('3-1', 5)).toThrow(/outside/);
  });
});

describe('highlight', () => {
  it('keeps every line balanced when a token spans lines', () => {
    expect(splitHtmlLines('<span class="a">x\ny</span>z')).toEqual([
      '<span class="a">x</span>',
      '<span class="a">y</span>z',
    ]);
  });

  it('highlights Python at build time and escapes unknown languages', () => {
    const lines = highlightLines('def f():\n    """doc\n    more"""', 'python');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('<span class="token keyword">def</span>');
    expect(lines[2]).toMatch(
      /^<span class="token triple-quoted-string string">\s+more"""<\/span>$/,
    );
    expect(highlightLines('<b>', 'klingon')).toEqual(['&lt;b&gt;']);
  });
});
