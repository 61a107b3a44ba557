/**
 * The last step of the one-file build (`npm run build:single`): puts the entry's styles (fonts
 * as data: URLs) into the page, the code chunks as inert text with a small loader
 * (src/pipeline/chunk-loader.ts: only the entry runs before the first slide, a widget's code
 * loads with its slide) and each lazy chunk's styles as inert text that is linked when the
 * chunk loads, as the site does; swaps the page's Content-Security-Policy for the one-file
 * policy with the hash of each inline script, and fails the build if anything is left that would
 * need a second file or the network.
 */
import type { Plugin, Rollup } from 'vite';
import { chunkedScripts, STYLE_TYPE, STYLE_URL_FN } from './chunk-loader.ts';
import { scriptHash, singleFilePolicy } from './csp.ts';

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
/** A `type` that the browser runs (none, a JavaScript MIME type or module); others are data. */
const RUNS = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

function runs(attributes: string): boolean {
  return RUNS.test(/\btype="?([^"\s>]*)/i.exec(attributes)?.[1] ?? '');
}

/** The page with its policy allowing exactly its own inline scripts (data scripts need none). */
export function withSingleFilePolicy(html: string): string {
  if (!CSP_META.test(html)) throw new Error('one-file build: no Content-Security-Policy meta tag');
  const inline = [...html.matchAll(INLINE_SCRIPT)]
    .filter((match) => runs(match[1] ?? ''))
    .map((match) => scriptHash(match[2] ?? ''));
  const hashes = [...new Set(inline)];
  return html.replace(CSP_META, (_, start: string, end: string) => {
    return `${start}${singleFilePolicy(hashes)}${end}`;
  });
}

/** What in the page still points at another file: script src, stylesheet links, CSS url(…) to files. */
export function externalReferences(html: string): string[] {
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  const found = [
    ...html.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g),
    ...html.matchAll(/<link\b[^>]*\brel="?(?:stylesheet|modulepreload|preload|manifest)[^>]*>/g),
    ...styles.flatMap((css) => [...css.matchAll(/url\((?!\s*["']?(?:data:|#))[^)]*\)/g)]),
  ];
  return found.map((match) => match[0]);
}

const ENTRY_SCRIPT = /<script type="module" crossorigin src="\.\/([\w.-]+\.js)"><\/script>\n?/;

/**
 * Opened from file:// the page has no Content-Type charset; without a byte order mark Chromium
 * decodes the 0.9 MB more slowly (TextResourceDecoder 7.2 → 4.7 ms CPU in a trace, median of 11
 * loads), though `<meta charset>` is the first tag. Served, the header says UTF-8 anyway.
 */
const UTF8_BOM = '\uFEFF';

const POLICY_TAG = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/;

const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\.\/([\w.-]+\.css)"[^>]*>/g;

/** A stylesheet's text as the page carries it (`@charset` is for files; the page is UTF-8). */
function styleText(source: string | Uint8Array): string {
  const css = typeof source === 'string' ? source : new TextDecoder().decode(source);
  return css.replace(/^@charset "UTF-8";/, '').trim();
}

/**
 * Puts the stylesheets into the page: the ones index.html links (the entry's: what the first
 * slide needs) as `<style>`, every other one (a lazy chunk's) as inert text at the end of
 * <body> for the loader (src/pipeline/chunk-loader.ts); drops the files. A lazy chunk's CSS is
 * about 52 kB of the 127 kB; parsed up front it cost about 4 ms of main thread before the first
 * slide from file:// (73 against 77 ms CPU, median of 15 alternating loads).
 */
export function inlineStyles(html: string, bundle: Rollup.OutputBundle): string {
  const sheets = Object.values(bundle).flatMap((file) =>
    file.type === 'asset' && file.fileName.endsWith('.css') ? [file] : [],
  );
  const byName = new Map(sheets.map((sheet) => [sheet.fileName, sheet]));
  const linked = new Set<string>();
  let page = html.replace(STYLESHEET_LINK, (link, name: string) => {
    const sheet = byName.get(name);
    if (!sheet) throw new Error(`one-file build: ${link} names no stylesheet of the build`);
    linked.add(name);
    return `<style>${styleText(sheet.source)}</style>`;
  });
  const held = sheets.map((sheet) => {
    // A sheet the page already has (a chunk the entry imports, whose CSS code that imports it
    // lazily names too, as the site's preload helper finds its <link>): held empty.
    const css = linked.has(sheet.fileName) ? '' : styleText(sheet.source);
    // Raw text in a script element: only `</script` or `<!--` could end it or change its parsing.
    if (/<\/script|<!--/i.test(css))
      throw new Error(`one-file build: ${sheet.fileName} contains </script or <!--`);
    return `<script type="${STYLE_TYPE}" data-css="${sheet.fileName}">${css}</script>`;
  });
  for (const sheet of sheets) Reflect.deleteProperty(bundle, sheet.fileName);
  if (held.length > 0) page = page.replace('</body>', () => `${held.join('\n')}\n</body>`);
  return page;
}

/**
 * Replaces the entry's `<script src>` with the chunks as data and their loader (in <head> right
 * after the policy, which must come before any script); drops the chunk files.
 */
function inlineChunks(html: string, bundle: Rollup.OutputBundle): string {
  const entry = ENTRY_SCRIPT.exec(html)?.[1];
  if (entry === undefined) throw new Error('one-file build: entry <script src> not found');
  if (!POLICY_TAG.test(html) || !html.includes('</body>'))
    throw new Error('one-file build: no Content-Security-Policy meta tag or no </body>');
  const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
  const scripts = chunkedScripts(chunks, entry);
  for (const chunk of chunks) Reflect.deleteProperty(bundle, chunk.fileName);
  return html
    .replace(ENTRY_SCRIPT, '')
    .replace(POLICY_TAG, (tag) => `${tag}${scripts.head}\n`)
    .replace('</body>', () => `${scripts.body}\n</body>`);
}

/**
 * The Vite plugin for `--mode single`. Code splitting stays on, for code and for styles.
 */
export function singleFileLecture(): Plugin {
  return {
    name: 'lecture-single-file',
    enforce: 'post',
    config: () => ({
      build: {
        // Chunks side by side: they import each other as `./name.js`.
        assetsDir: '',
        // Fonts (and any other asset) become data: URLs.
        assetsInlineLimit: () => true,
        // A lazy chunk's styles stay with it (inlineStyles), as on the site.
        cssCodeSplit: true,
        // No <link rel=modulepreload>: there are no files to preload.
        modulePreload: false,
        chunkSizeWarningLimit: 100_000,
      },
      experimental: {
        // Where code names a chunk's CSS file (Vite's preload helper links it before the chunk
        // runs), the loader gives a blob: URL of the text instead (src/pipeline/chunk-loader.ts).
        renderBuiltUrl: (fileName: string, { hostType }: { hostType: string }) =>
          hostType === 'js' && fileName.endsWith('.css')
            ? { runtime: `${STYLE_URL_FN}(${JSON.stringify(fileName)})` }
            : undefined,
      },
    }),
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const main = bundle['index.html'];
        if (main?.type === 'asset')
          main.source = inlineChunks(inlineStyles(String(main.source), bundle), bundle);
        const files = Object.keys(bundle);
        if (files.length !== 1 || files[0] !== 'index.html')
          this.error(`one-file build must emit index.html alone, got: ${files.join(', ')}`);
        const page = bundle['index.html'];
        if (page?.type !== 'asset') return this.error('one-file build: index.html missing');
        const html = withSingleFilePolicy(String(page.source));
        const left = externalReferences(html);
        if (left.length > 0) this.error(`one-file build still references files: ${left.join(' ')}`);
        page.source = `${UTF8_BOM}${html}`;
      },
    },
  };
}
