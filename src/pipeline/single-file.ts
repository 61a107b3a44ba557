/**
 * The last step of the one-file build (`npm run build:single`, after vite-plugin-singlefile has
 * inlined styles and fonts): puts the code chunks into the page as inert text with a small
 * loader (src/pipeline/chunk-loader.ts: only the entry runs before the first slide, a widget's
 * code loads with its slide), swaps the page's Content-Security-Policy for the one-file policy
 * with the hash of each inline script, and fails the build if anything is left that would need a
 * second file or the network.
 */
import type { Plugin, Rollup } from 'vite';
import { chunkedScripts } from './chunk-loader.ts';
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
 * The Vite plugin; list it after viteSingleFile({ useRecommendedBuildConfig: false,
 * inlinePattern: ['*.css'] }), which inlines the styles. Code splitting stays on.
 */
export function singleFileLecture(): Plugin {
  return {
    name: 'lecture-single-file',
    enforce: 'post',
    config: () => ({
      build: {
        // Chunks side by side: they import each other as `./name.js`.
        assetsDir: '',
        // Fonts become data: URLs in the CSS; one CSS file, inlined by vite-plugin-singlefile.
        assetsInlineLimit: () => true,
        cssCodeSplit: false,
        // No <link rel=modulepreload>: there are no files to preload.
        modulePreload: false,
        chunkSizeWarningLimit: 100_000,
      },
    }),
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const main = bundle['index.html'];
        if (main?.type === 'asset') main.source = inlineChunks(String(main.source), bundle);
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
