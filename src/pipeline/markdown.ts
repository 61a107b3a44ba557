/**
 * Markdown → HTML for slide bodies and notes: markdown-it with inline HTML (our own content),
 * markdown-it-attrs for `{.fragment}`, and fenced code rendered by code-block.ts — including
 * `file=` blocks read through an injected reader, so this module stays free of I/O.
 */
import MarkdownIt from 'markdown-it';
import attrs from 'markdown-it-attrs';
import { extractRegion, parseFenceInfo, parseSteps, type CodeStep } from './code-include.ts';
import { renderCodeBlock } from './code-block.ts';
import { SlideError } from './slide-error.ts';
import { checkUnsafeHtml } from './unsafe-html.ts';

/** Reads a repository file by its path from the repo root; null when it does not exist. */
export type FileReader = (path: string) => string | null;

/** Where the Markdown comes from, so errors name the slide file and line. */
export type RenderContext = {
  readonly file: string;
  /** 1-based file line of the Markdown's first line. */
  readonly firstLine: number;
  readonly readFile: FileReader;
  /** Collects every included file (for the dev server's watcher). */
  readonly included?: Set<string>;
};

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.use(attrs, { allowedAttributes: ['id', 'class', 'style', /^data-.*$/] });

md.renderer.rules.fence = (tokens, idx, _options, renderEnv) => {
  const env = renderEnv as RenderContext;
  const token = tokens[idx];
  if (!token) return '';
  const line = env.firstLine + (token.map?.[0] ?? 0);
  const info = parseFenceInfo(token.info);
  let code = token.content.replace(/\n$/, '');
  if (info.file !== null) {
    if (code.trim() !== '') {
      throw new SlideError(
        env.file,
        line,
        `a block with file= must be empty: its code comes from ${info.file}`,
      );
    }
    if (info.file.includes('..') || info.file.startsWith('/')) {
      throw new SlideError(
        env.file,
        line,
        `file=${info.file}: use a path from the repository root, e.g. examples/redis/basics.py`,
      );
    }
    const source = env.readFile(info.file);
    if (source === null)
      throw new SlideError(
        env.file,
        line,
        `file=${info.file} does not exist: create it or fix the path`,
      );
    env.included?.add(info.file);
    try {
      code = extractRegion(source, info.region);
    } catch (error) {
      throw new SlideError(env.file, line, `${info.file}: ${(error as Error).message}`);
    }
  } else if (info.region !== null) {
    throw new SlideError(env.file, line, 'region= needs file= (a region of which file?)');
  }
  let steps: CodeStep[] = [];
  if (info.steps !== null) {
    try {
      steps = parseSteps(info.steps, code.split('\n').length);
    } catch (error) {
      throw new SlideError(env.file, line, (error as Error).message);
    }
  }
  return renderCodeBlock({ code, lang: info.lang, file: info.file, steps });
};

/** Renders `markdown` to HTML; throws SlideError for a bad code include or unsafe raw HTML. */
export function renderMarkdown(markdown: string, context: RenderContext): string {
  const tokens = md.parse(markdown, context);
  checkUnsafeHtml(tokens, context.file, context.firstLine);
  return md.renderer.render(tokens, md.options, context);
}
