import { inflateRawSync } from 'node:zlib';
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
  const chunks = [
    { fileName: 'index-a.js', code: 'import"./shared-c.js";import("./widget-b.js");' },
    { fileName: 'widget-b.js', code: 'const t="</script><!--";export{t};' },
    { fileName: 'shared-c.js', code: 'export const c="ё";' },
  ];
  const scriptsOf = ({ head, body }: { head: string; body: string }): RegExpExecArray[] => [
    ...`${head}\n${body}`.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g),
  ];
  const inflated = (text: string | undefined): string =>
    inflateRawSync(Buffer.from(text ?? '', 'base64')).toString('utf8');

  it('stores the entry and its imports as plain inert code with the loader first, every other chunk deflated', () => {
    const { head, body } = chunkedScripts(chunks, 'index-a.js');
    const scripts = scriptsOf({ head, body });
    expect(scripts.map((m) => m[1])).toEqual([
      ' type="text/x-lecture-chunk" data-chunk="index-a.js"',
      // No static imports: the loader turns its text into a blob: URL as it is.
      ' type="text/x-lecture-chunk" data-chunk="shared-c.js" data-leaf',
      '',
      ' type="text/x-lecture-chunk" data-chunk="widget-b.js" data-deflated data-leaf',
    ]);
    expect(scripts[0]?.[2]).toBe(
      'import"lecture-chunk:shared-c.js";__lectureImport("widget-b.js");',
    );
    expect(scripts[1]?.[2]).toBe('export const c="ё";');
    expect(scripts[3]?.[2]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // Base64 cannot end the element early, so the code is stored as it is.
    expect(inflated(scripts[3]?.[2])).toBe('const t="</script><!--";export{t};');
    expect(scripts[2]?.[2]).toBe(loaderScript('index-a.js'));
    expect(head).toMatch(/^<script type="text\/x-lecture-chunk" data-chunk="index-a.js"/);
    expect(head).toMatch(/<\/script>$/);
    expect(body).toMatch(/^<script type="text\/x-lecture-chunk" data-chunk="widget-b.js"/);
    expect(loaderScript('index-a.js')).toContain('const entry = "index-a.js";');
    expect(loaderScript('index-a.js')).toContain("new DecompressionStream('deflate-raw')");
    // The entry is imported once the page is parsed, not preloaded too (it cost CPU, saved no time).
    expect(loaderScript('index-a.js')).not.toContain('modulepreload');
    // The first slide's faces (data: URLs in the one file) are loaded before reveal's first layout.
    expect(loaderScript('index-a.js')).toContain(
      `["400 1em \\"PT Sans\\"","700 1em \\"PT Sans\\""].map((font) => document.fonts.load(font, 'Aя'))`,
    );
    // The loader finds every marker, whatever a chunk's name holds (dashes, underscores, dots).
    const marker = /text\.replace\(\/(.+)\/g,/.exec(loaderScript('index-a.js'))?.[1] ?? '';
    const linked = 'from"lecture-chunk:a-B_9x.js";from"lecture-chunk:c.d-e.js"';
    expect(linked.replace(new RegExp(marker, 'g'), '$1')).toBe('from"a-B_9x.js";from"c.d-e.js"');
  });

  it('deflates an entry whose code could end its element early', () => {
    const risky = [
      { fileName: 'index-a.js', code: 'const t="</SCRIPT>";export{t};' },
      { fileName: 'widget-b.js', code: 'export const b=1;' },
    ];
    const [entry] = scriptsOf(chunkedScripts(risky, 'index-a.js'));
    expect(entry?.[1]).toBe(
      ' type="text/x-lecture-chunk" data-chunk="index-a.js" data-deflated data-leaf',
    );
    expect(inflated(entry?.[2])).toBe('const t="</SCRIPT>";export{t};');
  });

  it('refuses chunks that import each other in a circle, or a missing entry', () => {
    const a = { fileName: 'index-a.js', code: 'import"./shared-c.js";' };
    const c = { fileName: 'shared-c.js', code: 'import"./index-a.js";' };
    expect(() => chunkedScripts([a, c], 'index-a.js')).toThrow(/import each other/);
    expect(() => chunkedScripts([c], 'index-a.js')).toThrow(/entry chunk/);
  });
});
