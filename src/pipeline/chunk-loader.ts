/**
 * Lazy chunks for the one-file lecture. An inline module script is parsed on the main thread
 * before the first slide, so the one file would parse every widget, Chart.js and the reading
 * view up front. Instead the build keeps Rollup's chunks, stores each as inert text
 * (`<script type="text/x-lecture-chunk">`, never executed) and adds one small inline loader
 * (allowed by its hash) that turns a chunk into a blob: module URL only when it is imported:
 * the entry at once, a widget's chunk when its slide is shown — as the served site does.
 */
import { deflateRawSync } from 'node:zlib';
import { parseAst } from 'vite';
import { FIRST_SLIDE_FACES } from './font-preload.ts';

/** The `type` of the inert script elements that hold chunk code. */
export const CHUNK_TYPE = 'text/x-lecture-chunk';
/** What a static import specifier becomes; the loader swaps it for the chunk's blob: URL. */
const MARKER = 'lecture-chunk:';
/**
 * The attribute of a chunk element whose text is the code deflated (raw) and base64-encoded:
 * every lazy chunk's (the loader inflates them when imported); the entry's is plain code.
 */
export const DEFLATED = 'data-deflated';
/**
 * The attribute of a chunk that imports no other chunk statically: its inflated bytes become
 * its blob: module as they are, never decoded into a string, searched and encoded again.
 */
const LEAF = 'data-leaf';
/** The global that replaces `import(…)` in chunk code (chunks are not at their file URLs). */
const IMPORT_FN = '__lectureImport';
/** The `type` of the inert script elements that hold a lazy chunk's stylesheet (plain CSS). */
export const STYLE_TYPE = 'text/x-lecture-css';
/**
 * The global that gives a lazy chunk's stylesheet a URL: the build writes a call to it where the
 * site's code names the CSS file that loads with a chunk (src/pipeline/single-file.ts).
 */
export const STYLE_URL_FN = '__lectureStyleUrl';

/** A chunk as the bundle has it: file name (as imported, `./name.js`) and code. */
export interface ChunkCode {
  readonly fileName: string;
  readonly code: string;
}

interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly source?: Source | null;
}

interface Source extends Node {
  readonly value?: unknown;
  readonly expressions?: readonly unknown[];
  readonly quasis?: readonly { readonly value: { readonly cooked: string } }[];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Every node of the tree (iterative: minified bundles nest deeply). */
function* nodes(root: Node): Generator<Node> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...(value as unknown[]));
    else if (isNode(value)) {
      yield value;
      for (const [key, child] of Object.entries(value))
        if (key !== 'type' && typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

/**
 * The chunk's code with its imports pointing at the loader: static `from "./x.js"` becomes
 * `from "lecture-chunk:x.js"`, `import("./x.js")` becomes `__lectureImport("x.js")`. Returns the
 * code and the chunks it imports statically. Throws on anything the loader could not serve (an
 * import of a file that is not a chunk, a computed dynamic import).
 */
export function linkChunk(
  chunk: ChunkCode,
  names: ReadonlySet<string>,
): { code: string; imports: string[] } {
  const { code } = chunk;
  if (code.includes(MARKER) || code.includes(IMPORT_FN))
    throw new Error(`one-file build: ${chunk.fileName} already contains "${MARKER}"/${IMPORT_FN}`);
  const target = (source: Source | null | undefined): string => {
    // A string, or a template without expressions (the minifier writes import(`./x.js`)).
    const quasi = source?.expressions?.length === 0 ? source.quasis?.[0]?.value.cooked : undefined;
    const specifier = source?.type === 'Literal' ? source.value : quasi;
    const name = typeof specifier === 'string' ? specifier.replace(/^\.\//, '') : '';
    if (!names.has(name))
      throw new Error(
        `one-file build: ${chunk.fileName} imports ${source?.type ?? '?'} ${String(specifier)} at ${source?.start ?? -1}, not a chunk`,
      );
    return name;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const imports: string[] = [];
  for (const node of nodes(parseAst(code) as unknown as Node)) {
    const declaration = /^(Import|ExportAll|ExportNamed)Declaration$/.test(node.type);
    if (declaration && node.source) {
      const name = target(node.source);
      imports.push(name);
      edits.push({ ...node.source, text: JSON.stringify(MARKER + name) });
    } else if (node.type === 'ImportExpression') {
      const name = target(node.source);
      const sourceStart = node.source?.start ?? node.start;
      edits.push({ start: node.start, end: sourceStart, text: `${IMPORT_FN}(` });
      edits.push({ start: sourceStart, end: node.source?.end ?? sourceStart, text: `"${name}"` });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let linked = code;
  for (const edit of edits)
    linked = linked.slice(0, edit.start) + edit.text + linked.slice(edit.end);
  return { code: linked, imports };
}

/** Throws if static imports go round in a circle (the loader needs a dependency first). */
function assertNoCycle(imports: ReadonlyMap<string, readonly string[]>): void {
  const done = new Set<string>();
  const visit = (name: string, path: readonly string[]): void => {
    if (path.includes(name))
      throw new Error(`one-file build: chunks import each other: ${[...path, name].join(' → ')}`);
    if (done.has(name)) return;
    for (const next of imports.get(name) ?? []) visit(next, [...path, name]);
    done.add(name);
  };
  for (const name of imports.keys()) visit(name, []);
}

/**
 * The loader, an inline classic script in <head> (its hash goes into the policy) right after the
 * entry's chunks: it inflates the entry while the parser reads the styles and the lazy chunks'
 * text and runs it once the page is parsed, as a module script would run. (A `modulepreload` of
 * the entry's blob: URL bought nothing: main-thread CPU to the first slide from file:// 109.3 →
 * 106.0 ms without it, median of 15 alternating traced loads, ready unchanged.)
 * It takes chunk elements (children of <head> and <body> only) out of the page: the entry's at
 * once, the rest when the page is parsed, before any lecture content exists and before a lazy
 * chunk can be imported. A chunk stored deflated (base64 of raw deflate, a third of the code's
 * size) is inflated by the browser (DecompressionStream) when it is first needed, with its
 * static imports; then its text becomes a blob: URL, and only these texts ever do. A chunk that
 * imports none (the entry, 7 of 33 chunks) goes from inflated bytes to its blob: URL directly.
 * A lazy chunk's stylesheet waits as plain text (`STYLE_TYPE`) until the code that imports the
 * chunk asks for its URL (`STYLE_URL_FN`, called where the site's code names the CSS file): a
 * data: URL, which Vite's preload helper links before it imports the chunk, as on the site.
 */
export function loaderScript(entry: string): string {
  return [
    `{`,
    `const entry = ${JSON.stringify(entry)};`,
    `const chunks = new Map();`,
    `const styles = new Map();`,
    `const take = () => {`,
    `  for (const el of document.querySelectorAll(':is(head, body) > script[type="${CHUNK_TYPE}"]')) {`,
    `    if (!chunks.has(el.dataset.chunk)) chunks.set(el.dataset.chunk, el);`,
    `    el.remove();`,
    `  }`,
    `  for (const el of document.querySelectorAll(':is(head, body) > script[type="${STYLE_TYPE}"]')) {`,
    `    if (!styles.has(el.dataset.css)) styles.set(el.dataset.css, el.textContent);`,
    `    el.remove();`,
    `  }`,
    `};`,
    `take();`,
    `const parsed = new Promise((resolve) => {`,
    `  if (document.readyState !== 'loading') resolve();`,
    `  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });`,
    `}).then(take);`,
    `const decode = (base64) => {`,
    `  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);`,
    `  const text = atob(base64);`,
    `  const bytes = new Uint8Array(text.length);`,
    `  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);`,
    `  return bytes;`,
    `};`,
    `const inflated = (base64) =>`,
    `  new Response(new Blob([decode(base64)]).stream().pipeThrough(new DecompressionStream('deflate-raw')));`,
    `const inflate = (base64) => inflated(base64).text();`,
    `const urls = new Map();`,
    `const leaves = new Map();`,
    `const moduleUrl = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));`,
    `const leafUrl = (el) =>`,
    `  el.hasAttribute('${DEFLATED}') ? inflated(el.textContent).blob().then(moduleUrl) : Promise.resolve(moduleUrl(el.textContent));`,
    `const texts = new Map();`,
    `const textOf = (name) => {`,
    `  let text = texts.get(name);`,
    `  if (text !== undefined) return text;`,
    `  const el = chunks.get(name);`,
    `  if (el == null) throw new Error('lecture chunk missing: ' + name);`,
    `  text = el.hasAttribute('${DEFLATED}') ? inflate(el.textContent) : el.textContent;`,
    `  texts.set(name, text);`,
    `  chunks.delete(name);`,
    `  return text;`,
    `};`,
    `const ready = async (name) => {`,
    `  if (urls.has(name)) return;`,
    `  const el = chunks.get(name);`,
    `  if (!leaves.has(name) && el?.hasAttribute('${LEAF}')) {`,
    `    leaves.set(name, leafUrl(el));`,
    `    chunks.delete(name);`,
    `  }`,
    `  if (leaves.has(name)) {`,
    `    urls.set(name, await leaves.get(name));`,
    `    return;`,
    `  }`,
    `  const text = await textOf(name);`,
    `  texts.set(name, text);`,
    `  await Promise.all([...text.matchAll(/${MARKER}([\\w.-]+)/g)].map((m) => ready(m[1])));`,
    `};`,
    `const urlOf = (name) => {`,
    `  let url = urls.get(name);`,
    `  if (url !== undefined) return url;`,
    `  const text = textOf(name);`,
    `  if (typeof text !== 'string') throw new Error('lecture chunk not inflated: ' + name);`,
    `  const code = text.replace(/${MARKER}([\\w.-]+)/g, (_, dep) => urlOf(dep));`,
    `  url = moduleUrl(code);`,
    `  urls.set(name, url);`,
    `  texts.delete(name);`,
    `  return url;`,
    `};`,
    `const load = async (name) => {`,
    `  await parsed;`,
    `  await ready(name);`,
    `  return import(urlOf(name));`,
    `};`,
    `Object.defineProperty(globalThis, '${IMPORT_FN}', { value: load });`,
    `const styleUrls = new Map();`,
    `const styleUrl = (name) => {`,
    `  let url = styleUrls.get(name);`,
    `  if (url !== undefined) return url;`,
    `  if (!styles.has(name)) take();`,
    `  const css = styles.get(name);`,
    `  if (css === undefined) throw new Error('lecture style missing: ' + name);`,
    // Vite's preload helper links a URL as a stylesheet when its path ends in .css; a data: URL's
    // path is its text, so that text ends in an (unclosed, empty) comment saying so.
    `  url = 'data:text/css,' + encodeURIComponent(css) + '/*.css';`,
    `  styleUrls.set(name, url);`,
    `  styles.delete(name);`,
    `  return url;`,
    `};`,
    `Object.defineProperty(globalThis, '${STYLE_URL_FN}', { value: styleUrl });`,
    `parsed`,
    `  .then(() => Promise.all(${JSON.stringify(firstSlideFonts())}.map((font) => document.fonts.load(font, 'Aя'))))`,
    `  .catch((error) => console.error(error));`,
    `ready(entry)`,
    `  .then(() => load(entry))`,
    `  .catch((error) => console.error(error));`,
    `}`,
  ].join('\n');
}

/**
 * The first slide's faces as `document.fonts.load()` shorthands. The one file's fonts are data:
 * URLs, decoded when a layout first asks for them; loaded (Latin and Cyrillic subsets, by the
 * sample text) while the entry's blob: module is fetched, they are ready for reveal's first
 * layout, which then needs no second pass when they arrive (as the site's preloaded files are).
 */
function firstSlideFonts(): string[] {
  return FIRST_SLIDE_FACES.weights.map((weight) => `${weight} 1em "${FIRST_SLIDE_FACES.family}"`);
}

/** The entry and every chunk it imports statically (directly or not). */
function entryClosure(entry: string, imports: ReadonlyMap<string, readonly string[]>): Set<string> {
  const found = new Set<string>();
  const visit = (name: string): void => {
    if (found.has(name)) return;
    found.add(name);
    for (const next of imports.get(name) ?? []) visit(next);
  };
  visit(entry);
  return found;
}

/**
 * The elements that replace the entry's `<script src>`: for <head> (after the policy), the
 * entry's chunks as inert scripts and the loader; for the end of <body>, the other chunks.
 * `entry` is the entry chunk's file name. The lazy chunks are stored deflated; the entry and
 * what it imports are plain code (unless the text could end its element early): inflating
 * waits for the parser to let the stream run, which put reveal.js's `ready` from file:// at
 * 1.23× the bare two-slide page, against 1.09× with the entry plain (median of 21 alternating
 * loads, same CPU time). The later slides' text is deflated instead (src/pipeline/later-slides.ts).
 */
export function chunkedScripts(
  chunks: readonly ChunkCode[],
  entry: string,
): { head: string; body: string } {
  const names = new Set(chunks.map((c) => c.fileName));
  const odd = [...names].filter((name) => !/^[\w.-]+$/.test(name));
  if (odd.length > 0) throw new Error(`one-file build: unexpected chunk names ${odd.join(', ')}`);
  if (!names.has(entry)) throw new Error(`one-file build: entry chunk ${entry} missing`);
  const linked = chunks.map((chunk) => ({ name: chunk.fileName, ...linkChunk(chunk, names) }));
  const imports = new Map(linked.map((c) => [c.name, c.imports]));
  assertNoCycle(imports);
  const first = entryClosure(entry, imports);
  // Base64 cannot end the element early; level 9 because the file is built once, read often.
  const deflated = (c: (typeof linked)[number]): string => {
    const text = deflateRawSync(c.code, { level: 9 }).toString('base64');
    const leaf = c.imports.length === 0 ? ` ${LEAF}` : '';
    return `<script type="${CHUNK_TYPE}" data-chunk="${c.name}" ${DEFLATED}${leaf}>${text}</script>`;
  };
  const plain = (c: (typeof linked)[number]): string => {
    if (/<\/script|<!--/i.test(c.code)) return deflated(c);
    const leaf = c.imports.length === 0 ? ` ${LEAF}` : '';
    return `<script type="${CHUNK_TYPE}" data-chunk="${c.name}"${leaf}>${c.code}</script>`;
  };
  return {
    head: [
      ...linked.filter((c) => first.has(c.name)).map(plain),
      `<script>${loaderScript(entry)}</script>`,
    ].join('\n'),
    body: linked
      .filter((c) => !first.has(c.name))
      .map(deflated)
      .join('\n'),
  };
}
