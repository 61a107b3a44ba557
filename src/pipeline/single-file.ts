/**
 * The last step of the one-file build (`npm run build:single`, after vite-plugin-singlefile has
 * inlined scripts, styles and fonts): swaps the page's Content-Security-Policy for the one-file
 * policy with the hash of each inlined script, and fails the build if anything is left that
 * would need a second file or the network.
 */
import type { Plugin } from 'vite';
import { scriptHash, singleFilePolicy } from './csp.ts';

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/;
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** The page with its policy allowing exactly its own inline scripts. */
export function withSingleFilePolicy(html: string): string {
  if (!CSP_META.test(html)) throw new Error('one-file build: no Content-Security-Policy meta tag');
  const inline = [...html.matchAll(INLINE_SCRIPT)].map((match) => scriptHash(match[1] ?? ''));
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

/** The Vite plugin; list it after viteSingleFile(). */
export function singleFileLecture(): Plugin {
  return {
    name: 'lecture-single-file',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.keys(bundle);
        if (files.length !== 1 || files[0] !== 'index.html')
          this.error(`one-file build must emit index.html alone, got: ${files.join(', ')}`);
        const page = bundle['index.html'];
        if (page?.type !== 'asset') return this.error('one-file build: index.html missing');
        const html = withSingleFilePolicy(String(page.source));
        const left = externalReferences(html);
        if (left.length > 0) this.error(`one-file build still references files: ${left.join(' ')}`);
        page.source = html;
      },
    },
  };
}
