import { describe, expect, it } from 'vitest';
import { chunkedScripts, linkChunk, loaderScript } from '../../../src/pipeline/chunk-loader.ts';

const names = new Set(['index-a.js', 'widget-b.js', 'shared-c.js']);

describe('linking a chunk to the loader', () => {
  it('points static imports at chunk markers and import() at the loader', () => {
    const code =
      'import{a as b}from"./shared-c.js";import"./shared-c.js";export*from"./shared-c.js";' +
      'export{x as y}from"./shared-c.js";const s="ю";const w=()=>import(`./widget-b.js`);' +
      'const v=()=>import("./widget-b.js");export{b};';
    const { code: linked, imports } = linkChunk({ fileName: 'index-a.js', code }, names);
    expect(linked).toBe(
      'import{a as b}from"lecture-chunk:shared-c.js";import"lecture-chunk:shared-c.js";' +
        'export*from"lecture-chunk:shared-c.js";export{x as y}from"lecture-chunk:shared-c.js";' +
        'const s="ю";const w=()=>__lectureImport("widget-b.js");' +
        'const v=()=>__lectureImport("widget-b.js");export{b};',
    );
    expect(imports).toEqual(['shared-c.js', 'shared-c.js', 'shared-c.js', 'shared-c.js']);
  });

  it('leaves strings that look like imports alone', () => {
    const code = 'const t="import(\'./widget-b.js\')";const u=`from "./shared-c.js"`;';
    expect(linkChunk({ fileName: 'index-a.js', code }, names).code).toBe(code);
  });

  it('refuses imports the loader cannot serve', () => {
    const refuse =
      (code: string): (() => unknown) =>
      () =>
        linkChunk({ fileName: 'index-a.js', code }, names);
    expect(refuse('import x from "reveal.js";')).toThrow(/not a chunk/);
    expect(refuse('import("./missing.js");')).toThrow(/not a chunk/);
    expect(refuse('const n="widget-b.js";import("./"+n);')).toThrow(/not a chunk/);
    expect(refuse('const m="lecture-chunk:x";')).toThrow(/already contains/);
  });
});

describe('the chunk scripts of the one file', () => {
  it('stores every chunk as inert text, the entry and its imports with the loader first', () => {
    const { head, body } = chunkedScripts(
      [
        { fileName: 'index-a.js', code: 'import"./shared-c.js";import("./widget-b.js");' },
        { fileName: 'widget-b.js', code: 'const t="</script><!--";export{t};' },
        { fileName: 'shared-c.js', code: 'export const c=1;' },
      ],
      'index-a.js',
    );
    const scripts = [...`${head}\n${body}`.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1])).toEqual([
      ' type="text/x-lecture-chunk" data-chunk="index-a.js"',
      ' type="text/x-lecture-chunk" data-chunk="shared-c.js"',
      '',
      ' type="text/x-lecture-chunk" data-chunk="widget-b.js"',
    ]);
    expect(scripts[0]?.[2]).toBe(
      'import"lecture-chunk:shared-c.js";__lectureImport("widget-b.js");',
    );
    // Nothing in the text can end the element early; the JavaScript means the same.
    expect(scripts[3]?.[2]).toBe('const t="\\x3C/script>\\x3C!--";export{t};');
    expect(scripts[2]?.[2]).toBe(loaderScript('index-a.js'));
    expect(head).toMatch(/^<script type="text\/x-lecture-chunk" data-chunk="index-a.js">/);
    expect(head).toMatch(/<\/script>$/);
    expect(body).toMatch(/^<script type="text\/x-lecture-chunk" data-chunk="widget-b.js">/);
    expect(loaderScript('index-a.js')).toContain('const entry = "index-a.js";');
    // The loader finds every marker, whatever a chunk's name holds (dashes, underscores, dots).
    const marker = /text\.replace\(\/(.+)\/g,/.exec(loaderScript('index-a.js'))?.[1] ?? '';
    const linked = 'from"lecture-chunk:a-B_9x.js";from"lecture-chunk:c.d-e.js"';
    expect(linked.replace(new RegExp(marker, 'g'), '$1')).toBe('from"a-B_9x.js";from"c.d-e.js"');
  });

  it('refuses chunks that import each other in a circle, or a missing entry', () => {
    const a = { fileName: 'index-a.js', code: 'import"./shared-c.js";' };
    const c = { fileName: 'shared-c.js', code: 'import"./index-a.js";' };
    expect(() => chunkedScripts([a, c], 'index-a.js')).toThrow(/import each other/);
    expect(() => chunkedScripts([c], 'index-a.js')).toThrow(/entry chunk/);
  });
});
