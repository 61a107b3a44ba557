/**
 * Build-time syntax highlighting with Prism (Node side) and the split of its HTML into one
 * element per source line, so the runtime can highlight and dim lines step by step.
 */
import Prism from 'prismjs';
import loadLanguages from 'prismjs/components/index.js';

/** Languages the slides use; loaded once into Prism. */
const LANGUAGES = [
  'python',
  'bash',
  'yaml',
  'json',
  'javascript',
  'typescript',
  'docker',
  'ini',
  'toml',
  'sql',
];
loadLanguages(LANGUAGES);

const ALIASES: Readonly<Record<string, string>> = {
  py: 'python',
  sh: 'bash',
  shell: 'bash',
  console: 'bash',
  yml: 'yaml',
  js: 'javascript',
  ts: 'typescript',
  dockerfile: 'docker',
  compose: 'yaml',
};

/** Prism's name for `lang`, or null when Prism does not know it (then the code stays plain). */
export function resolveLanguage(lang: string): string | null {
  const name = ALIASES[lang] ?? lang;
  return Prism.languages[name] ? name : null;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Highlighted HTML for `code`, one string per source line, each with balanced tags. */
export function highlightLines(code: string, lang: string): string[] {
  const language = resolveLanguage(lang);
  const grammar = language ? Prism.languages[language] : undefined;
  const html = grammar && language ? Prism.highlight(code, grammar, language) : escapeHtml(code);
  return splitHtmlLines(html);
}

/**
 * Splits Prism's HTML (text plus nested `<span …>`/`</span>`) at newlines, closing the spans
 * open at a line end and reopening them on the next line (multi-line strings and comments).
 */
export function splitHtmlLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const piece of html.split(/(<[^>]+>|\n)/)) {
    if (piece === '') continue;
    if (piece === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (piece.startsWith('</')) {
      open.pop();
      current += piece;
    } else if (piece.startsWith('<')) {
      open.push(piece);
      current += piece;
    } else {
      current += piece;
    }
  }
  lines.push(current + '</span>'.repeat(open.length));
  return lines;
}
