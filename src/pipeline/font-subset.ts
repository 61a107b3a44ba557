/**
 * Build-time font subsetting (both builds): each bundled woff2 face keeps the glyphs of whole
 * alphabets and symbol blocks (KEPT_RANGES: a student may type any Latin or Cyrillic letter into
 * a lab or the reading view's search) plus every character the built deck contains, and drops its
 * TrueType hinting, three quarters of PT Sans's bytes, which today's browsers at projector sizes
 * do without (Chromium on Linux and macOS ignore it). A face keeps only what it had: the
 * Cyrillic file gains no Latin. In the site the fonts get new hashed names; in the one file the
 * data: URLs are replaced in place.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import subsetFont from 'subset-font';

/** Code point ranges every face keeps whatever the slides say today (inclusive). */
const KEPT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1: nbsp, «», ©, ×, ä…
  [0x400, 0x45f], // Cyrillic with ё, Ё
  [0x2000, 0x206f], // General Punctuation: dashes, quotes, …, thin spaces
  [0x20ac, 0x20bd], // currency signs: €, ₽
  [0x2116, 0x2122], // №, ™
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators: −, ≤, ≥, ≠
  [0x2460, 0x24ff], // circled digits
  [0x2500, 0x25ff], // box drawing, blocks, geometric shapes
  [0x2700, 0x27bf], // dingbats: ✓, ✗
];

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * The characters a text shows: its own code points and those written as JS escapes
 * (`\u2192`, `\u{1F600}`, `\xAB`) or HTML character references (`&#8594;`, `&#x2192;`).
 */
export function textCharacters(text: string): Set<string> {
  const found = new Set<string>();
  for (const char of text) found.add(char);
  const add = (code: number): void => {
    if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff)
      found.add(String.fromCodePoint(code));
  };
  for (const m of text.matchAll(
    /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g,
  ))
    add(parseInt(m[1] ?? m[2] ?? m[3] ?? '', 16));
  for (const m of text.matchAll(/&#(?:x([0-9a-fA-F]+)|(\d+));/g))
    add(m[1] === undefined ? Number(m[2]) : parseInt(m[1], 16));
  for (const m of text.matchAll(/&([a-z]+);/g)) {
    const named = NAMED_ENTITIES[m[1] ?? ''];
    if (named !== undefined) found.add(named);
  }
  return found;
}

/** The text to subset with: KEPT_RANGES and the given characters (controls left out). */
export function keptText(used: Iterable<string>): string {
  const chars = new Set<string>();
  for (const [first, last] of KEPT_RANGES)
    for (let code = first; code <= last; code++) chars.add(String.fromCodePoint(code));
  for (const char of used) if ((char.codePointAt(0) ?? 0) >= 0x20) chars.add(char);
  return [...chars].sort().join('');
}

/** The face reduced to `text`'s glyphs, without hinting, as woff2. */
export async function subsetWoff2(font: Uint8Array, text: string): Promise<Uint8Array> {
  const subset = await subsetFont(Buffer.from(font), text, {
    targetFormat: 'woff2',
    noHinting: true,
  });
  return new Uint8Array(subset);
}

/**
 * subsetWoff2, read from `dir` when the same face was cut to the same text before (a face costs
 * ~0.2 s of CPU, mostly woff2's Brotli, and every test run builds the deck more than once).
 */
async function cachedSubset(font: Uint8Array, text: string, dir: string): Promise<Uint8Array> {
  const key = createHash('sha256').update(font).update('\0').update(text).digest('hex');
  const file = join(dir, `${key}.woff2`);
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    const subset = await subsetWoff2(font, text);
    // Written aside and renamed: parallel builds never read half a file.
    await mkdir(dir, { recursive: true });
    const part = `${file}.${process.pid}.part`;
    await writeFile(part, subset);
    await rename(part, file);
    return subset;
  }
}

const FONT_FILE = /\.woff2$/;
const DATA_URL = /data:font\/woff2;base64,([A-Za-z0-9+/=]+)/g;

/** Every character in the bundle's code, pages and styles (fonts and other binaries left out). */
function bundleCharacters(bundle: Rollup.OutputBundle): Set<string> {
  const chars = new Set<string>();
  for (const file of Object.values(bundle)) {
    const text =
      file.type === 'chunk'
        ? file.code
        : /\.(html|css|js|svg|json|webmanifest)$/.test(file.fileName)
          ? String(file.source)
          : '';
    for (const char of textCharacters(text.replace(DATA_URL, ''))) chars.add(char);
  }
  return chars;
}

/** Vite's asset name with the hash replaced by one of the new content (same length). */
function renamed(fileName: string, content: Uint8Array): string {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  return fileName.replace(/-[\w-]{8}(\.woff2)$/, `-${hash}$1`);
}

/**
 * The Vite plugin (both builds, before the one-file plugin): subsets every woff2 asset and
 * woff2 data: URL of the bundle to KEPT_RANGES plus the bundle's own characters.
 */
export function subsetFonts(): Plugin {
  let cacheDir = '';
  return {
    name: 'lecture-font-subset',
    apply: 'build',
    configResolved(config) {
      cacheDir = join(config.cacheDir, 'lecture-font-subset');
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const text = keptText(bundleCharacters(bundle));
        const cache = new Map<string, Promise<string>>();
        const subsetData = (base64: string): Promise<string> => {
          let done = cache.get(base64);
          if (done === undefined) {
            done = cachedSubset(Buffer.from(base64, 'base64'), text, cacheDir).then((font) =>
              Buffer.from(font).toString('base64'),
            );
            cache.set(base64, done);
          }
          return done;
        };
        const names = new Map<string, string>();
        const fonts = Object.values(bundle).filter(
          (file): file is Rollup.OutputAsset =>
            file.type === 'asset' && FONT_FILE.test(file.fileName),
        );
        const subsets = await Promise.all(
          fonts.map((file) =>
            cachedSubset(new Uint8Array(file.source as Uint8Array), text, cacheDir),
          ),
        );
        fonts.forEach((file, i) => {
          const font = subsets[i] ?? new Uint8Array(file.source as Uint8Array);
          const fileName = renamed(file.fileName, font);
          Reflect.deleteProperty(bundle, file.fileName);
          this.emitFile({ type: 'asset', fileName, source: font });
          names.set(file.fileName.replace(/^.*\//, ''), fileName.replace(/^.*\//, ''));
        });
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk') {
            for (const [from, to] of names) file.code = file.code.replaceAll(from, to);
            continue;
          }
          if (!/\.(html|css)$/.test(file.fileName)) continue;
          let source = String(file.source);
          for (const [from, to] of names) source = source.replaceAll(from, to);
          const fonts = [...new Set([...source.matchAll(DATA_URL)].map((m) => m[1] ?? ''))];
          const subsets = await Promise.all(fonts.map(subsetData));
          fonts.forEach((base64, i) => {
            source = source.replaceAll(base64, subsets[i] ?? base64);
          });
          file.source = source;
        }
      },
    },
  };
}
