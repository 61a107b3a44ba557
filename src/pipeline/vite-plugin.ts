/**
 * The Vite plugin around the pure pipeline. The slides go into index.html itself (in place of
 * `<!-- lecture-slides -->`), so the browser parses them as HTML while the script loads instead
 * of parsing them as a script string; the browser imports `virtual:lecture-deck` (`sectionCount`,
 * to check the page against) and, lazily, `virtual:lecture-examples` (the included example
 * files, each once: src/pipeline/example-files.ts); a malformed slide fails `vite build` and shows
 * in the dev overlay with file and line; editing a slide or an included example reloads the page.
 */
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin, Rollup, ViteDevServer } from 'vite';
import { buildDeck, type BuiltDeck, type SlideSource } from './build-deck.ts';
import { contentSecurityPolicy } from './csp.ts';
import { firstSlideFontFiles } from './font-preload.ts';
import { EXAMPLES_MODULE_ID, exampleFilesModule, readExampleFiles } from './example-files.ts';
import { readSlides, repoFileReader } from './read-slides.ts';
import { isSlideError } from './slide-error.ts';
import { deferLaterSlides } from './later-slides.ts';
import { DEFAULT_LECTURE_MINUTES } from '../lecture/timing.ts';

/** The module id the runtime imports. */
export const DECK_MODULE_ID = 'virtual:lecture-deck';
const RESOLVED_ID = '\0' + DECK_MODULE_ID;
const RESOLVED_EXAMPLES_ID = '\0' + EXAMPLES_MODULE_ID;
/** Where index.html wants the Content-Security-Policy meta tag (before any script). */
const CSP_MARKER = '<!-- content-security-policy -->';
/** Where index.html wants the slides (inside `.reveal > .slides`). */
const SLIDES_MARKER = '<!-- lecture-slides -->';

/** Options of the lecture plugin. */
export interface LectureDeckOptions {
  /** Directory of the slide files, relative to the Vite root (default `slides`). */
  readonly slidesDir?: string;
  /** Sections the deck must have; default 42, or every file found when `slidesDir` is a fixture. */
  readonly sections?: number;
}

/** Creates the plugin. */
export function lectureDeck(options: LectureDeckOptions = {}): Plugin {
  const slidesDir = options.slidesDir ?? 'slides';
  let root = process.cwd();
  let watched = new Set<string>();
  let server: ViteDevServer | undefined;
  // Both virtual modules come from one read and build; a watched file's change drops it.
  let built: { readonly sources: readonly SlideSource[]; readonly deck: BuiltDeck } | undefined;

  /** The slides read and built once per change; watches what they read and include. */
  const deckOf = (
    sources: readonly SlideSource[],
    addWatchFile: (file: string) => void,
  ): BuiltDeck => {
    watched = new Set(sources.map((s) => resolve(root, s.file)));
    for (const file of watched) addWatchFile(file);
    const deck =
      built?.deck ??
      buildDeck(sources, {
        slidesDir,
        readFile: repoFileReader(root),
        lectureMinutes: DEFAULT_LECTURE_MINUTES,
        sections: options.sections ?? (slidesDir === 'slides' ? undefined : sources.length),
      });
    built = { sources, deck };
    for (const file of deck.included) {
      watched.add(resolve(root, file));
      addWatchFile(resolve(root, file));
    }
    server?.watcher.add([...watched]);
    return deck;
  };

  const isWatched = (file: string): boolean =>
    watched.has(resolve(file)) ||
    (resolve(file).startsWith(resolve(root, slidesDir)) && file.endsWith('.md'));

  return {
    name: 'lecture-deck',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      built = undefined;
    },
    resolveId(id) {
      if (id === DECK_MODULE_ID) return RESOLVED_ID;
      return id === EXAMPLES_MODULE_ID ? RESOLVED_EXAMPLES_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_EXAMPLES_ID) return null;
      const sources = built?.sources ?? readSlides(root, slidesDir);
      try {
        const deck = deckOf(sources, (file) => this.addWatchFile(file));
        if (id === RESOLVED_EXAMPLES_ID)
          return exampleFilesModule(readExampleFiles(deck.included, repoFileReader(root)));
        return `export const sectionCount = ${deck.sectionCount};`;
      } catch (error) {
        if (!isSlideError(error)) throw error;
        // The deck module (imported by the runtime up front) reports the slide's error; the
        // examples module stays quiet so that the build prints it once, not once per module.
        if (id === RESOLVED_EXAMPLES_ID) return exampleFilesModule(new Map());
        const file = resolve(root, error.file);
        const source = sources.find((s) => resolve(root, s.file) === file);
        // No stack: Rolldown would print our plugin's frames under the slide's message.
        const report = Object.assign(new Error(error.message), {
          id: file,
          loc: { file, line: error.line, column: 0 },
          frame: source ? codeFrame(source.text, error.line) : undefined,
          stack: '',
        });
        this.error(report);
      }
    },
    configureServer(devServer) {
      server = devServer;
      devServer.watcher.add(resolve(root, slidesDir));
      const reload = (file: string): void => {
        if (!isWatched(file)) return;
        built = undefined;
        for (const id of [RESOLVED_ID, RESOLVED_EXAMPLES_ID]) {
          const module = devServer.moduleGraph.getModuleById(id);
          if (module) devServer.moduleGraph.invalidateModule(module);
        }
        devServer.ws.send({ type: 'full-reload', path: '*' });
      };
      devServer.watcher.on('change', reload);
      devServer.watcher.on('add', reload);
      devServer.watcher.on('unlink', reload);
    },
    transformIndexHtml(html, context) {
      if (!html.includes(CSP_MARKER))
        throw new Error(`index.html must contain ${CSP_MARKER} right after <meta charset>`);
      if (!html.includes(SLIDES_MARKER))
        throw new Error(`index.html must contain ${SLIDES_MARKER} inside .reveal > .slides`);
      let slides = '';
      try {
        const sources = built?.sources ?? readSlides(root, slidesDir);
        // deckOf hands the dev server's watcher every file it read already (no Rollup context here).
        // The later slides' body and notes in an inert <template> (src/pipeline/later-slides.ts).
        slides = deferLaterSlides(deckOf(sources, () => {}).html);
      } catch (error) {
        // A malformed slide is reported once, with its frame, by the deck module's load.
        if (!isSlideError(error)) throw error;
      }
      const policy = contentSecurityPolicy();
      return {
        html: html
          .replace(CSP_MARKER, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
          .replace(SLIDES_MARKER, () => slides),
        tags: context.bundle ? fontPreloads(context.bundle) : [],
      };
    },
  };
}

/** `<link rel="preload">` for the first slide's font files in the build (none if inlined). */
function fontPreloads(bundle: Rollup.OutputBundle): HtmlTagDescriptor[] {
  const files = Object.values(bundle).flatMap((file) =>
    file.type === 'asset' && file.fileName.endsWith('.css') && typeof file.source === 'string'
      ? firstSlideFontFiles(file.source, file.fileName)
      : [],
  );
  return [...new Set(files)].map((file) => ({
    tag: 'link',
    // Fonts are always fetched in CORS mode: without crossorigin the preload is not reused.
    attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
    injectTo: 'head',
  }));
}

/** A few lines around `line` with a marker, for Vite's overlay and the terminal. */
function codeFrame(text: string, line: number): string {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(3)} | ${lines[n - 1] ?? ''}`);
  }
  return out.join('\n');
}
