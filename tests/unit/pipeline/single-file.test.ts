import { describe, expect, it } from 'vitest';
import { scriptHash, singleFilePolicy } from '../../../src/pipeline/csp.ts';
import {
  externalReferences,
  inlineStyles,
  withSingleFilePolicy,
} from '../../../src/pipeline/single-file.ts';
import type { Rollup } from 'vite';

const page = (body: string): string =>
  `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'" />${body}</head>`;
const policyOf = (html: string): string => /content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('one-file policy', () => {
  it('allows each inlined script by its hash and nothing from anywhere', () => {
    const html = withSingleFilePolicy(
      page('<script type="module" crossorigin>run(1)</script><script>run(2)</script>'),
    );
    const policy = policyOf(html);
    expect(policy).toContain(scriptHash('run(1)'));
    expect(policy).toContain(scriptHash('run(2)'));
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'(self|unsafe-inline|unsafe-eval)'/);
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it('hashes the exact text between the tags (escaped </script> included)', () => {
    const code = 'const s = "\\x3C/script>";';
    expect(policyOf(withSingleFilePolicy(page(`<script>${code}</script>`)))).toContain(
      scriptHash(code),
    );
  });

  it('lists exactly the given script hashes and blob: (lazy chunks) after default-src none', () => {
    const policy = singleFilePolicy(["'sha256-abc'"]);
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-abc' blob:; /);
  });

  it('hashes scripts that run, not the inert chunk texts', () => {
    const html = withSingleFilePolicy(
      page(
        '<script type="text/x-lecture-chunk" data-chunk="a.js">chunk()</script>' +
          '<script type="module">load()</script><script type="text/javascript">go()</script>',
      ),
    );
    const policy = policyOf(html);
    expect(policy).toContain(scriptHash('load()'));
    expect(policy).toContain(scriptHash('go()'));
    expect(policy).not.toContain(scriptHash('chunk()'));
  });

  it('refuses a page without the policy meta tag', () => {
    expect(() => withSingleFilePolicy('<head></head>')).toThrow(/Content-Security-Policy/);
  });
});

describe('references left in the one file', () => {
  it('finds script src, stylesheet links and CSS url() pointing at files', () => {
    const left = externalReferences(
      [
        '<script type="module" src="./assets/index.js"></script>',
        '<link rel="stylesheet" href="./assets/index.css">',
        '<link rel="modulepreload" href="./a.js">',
        '<style>@font-face{src:url(./font.woff2)} .x{background:url("pic.png")}</style>',
      ].join(''),
    );
    expect(left).toHaveLength(5);
  });

  it('accepts data: URLs, fragment references and url( inside scripts', () => {
    const left = externalReferences(
      [
        '<link rel="icon" href="data:," />',
        '<style>@font-face{src:url(data:font/woff2;base64,AAA)} .m{mask:url(#m)}</style>',
        '<script>el.style.backgroundImage = "url(" + src + ")";</script>',
      ].join(''),
    );
    expect(left).toEqual([]);
  });
});

describe('styles in the one file', () => {
  const sheet = (fileName: string, source: string): Rollup.OutputAsset =>
    ({
      type: 'asset',
      fileName,
      source,
      names: [],
      originalFileNames: [],
    }) as unknown as Rollup.OutputAsset;
  const bundleOf = (...sheets: Rollup.OutputAsset[]): Rollup.OutputBundle =>
    Object.fromEntries(sheets.map((s) => [s.fileName, s]));

  it("puts the linked (entry's) sheet in a <style> and each lazy chunk's sheet at the end of <body> as inert text", () => {
    const bundle = bundleOf(
      sheet('index-a1.css', '@charset "UTF-8";.reveal{color:red}'),
      sheet('cache-aside-b2.css', '.w-ca-key{color:blue}'),
    );
    const html = inlineStyles(
      '<head><link rel="stylesheet" crossorigin href="./index-a1.css"></head><body><p>x</p></body>',
      bundle,
    );
    expect(html).toBe(
      '<head><style>.reveal{color:red}</style></head><body><p>x</p>' +
        // The linked sheet is in the page already: code that names it gets an empty one.
        '<script type="text/x-lecture-css" data-css="index-a1.css"></script>\n' +
        '<script type="text/x-lecture-css" data-css="cache-aside-b2.css">.w-ca-key{color:blue}</script>\n</body>',
    );
    expect(Object.keys(bundle)).toEqual([]);
    expect(externalReferences(html)).toEqual([]);
  });

  it('refuses a sheet that could end its script element early, and a link to no sheet of the build', () => {
    expect(() =>
      inlineStyles('<body></body>', bundleOf(sheet('a.css', '.x::after{content:"</script>"}'))),
    ).toThrow(/a\.css contains <\/script or <!--/);
    expect(() =>
      inlineStyles('<head><link rel="stylesheet" href="./gone.css"></head>', bundleOf()),
    ).toThrow(/names no stylesheet/);
  });

  it('lets a lazy sheet load as a data: URL and nothing else new', () => {
    const policy = singleFilePolicy([]);
    expect(policy).toContain("style-src 'unsafe-inline' data:;");
    expect(policy).not.toMatch(/style-src[^;]*(?:blob:|https?:|\*)/);
  });
});
