/**
 * The Vite plugin around the pure pipeline. The browser imports `virtual:lecture-deck`
 * (`slidesHtml`, `sectionCount`) and, lazily, `virtual:lecture-examples` (the included example
 * files, each once: src/pipeline/example-files.ts); a malformed slide fails `vite build` and shows
 * in the dev overlay with file and line; editing a slide or an included example reloads the page.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildDeck, type BuiltDeck, type SlideSource } from './build-deck.ts';
import { contentSecurityPolicy } from './csp.ts';
import { EXAMPLES_MODULE_ID, exampleFilesModule, readExampleFiles } from './example-files.ts';
import { readSlides, repoFileReader } from './read-slides.ts';
import { isSlideError } from './slide-error.ts';
import { DEFAULT_LECTURE_MINUTES } from '../lecture/timing.ts';

/** The module id the runtime imports. */
export const DECK_MODULE_ID = 'virtual:lecture-deck';
const RESOLVED_ID = '\0' + DECK_MODULE_ID;
const RESOLVED_EXAMPLES_ID = '\0' + EXAMPLES_MODULE_ID;
/** Where index.html wants the Content-Security-Policy meta tag (before any script). */
const CSP_MARKER = '<!-- content-security-policy -->';

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
      watched = new Set(sources.map((s) => resolve(root, s.file)));
      for (const file of watched) this.addWatchFile(file);
      try {
        const readFile = repoFileReader(root);
        const deck =
          built?.deck ??
          buildDeck(sources, {
            slidesDir,
            readFile,
            lectureMinutes: DEFAULT_LECTURE_MINUTES,
            sections: options.sections ?? (slidesDir === 'slides' ? undefined : sources.length),
          });
        built = { sources, deck };
        for (const file of deck.included) {
          watched.add(resolve(root, file));
          this.addWatchFile(resolve(root, file));
        }
        server?.watcher.add([...watched]);
        if (id === RESOLVED_EXAMPLES_ID)
          return exampleFilesModule(readExampleFiles(deck.included, readFile));
        return [
          `export const slidesHtml = ${JSON.stringify(deck.html)};`,
          `export const sectionCount = ${deck.sectionCount};`,
        ].join('\n');
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
    transformIndexHtml(html) {
      if (!html.includes(CSP_MARKER))
        throw new Error(`index.html must contain ${CSP_MARKER} right after <meta charset>`);
      const policy = contentSecurityPolicy();
      return html.replace(
        CSP_MARKER,
        `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
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
