/**
 * The HTML of one code block on a slide: a bar with the file name and a copy button, the
 * highlighted lines (numbered by CSS), and one hidden reveal.js fragment per highlighting step.
 * The runtime (src/deck/code-steps.ts, copy-button.ts) relies on these class names.
 */
import type { CodeStep } from './code-include.ts';
import { escapeHtml, highlightLines, resolveLanguage } from './highlight.ts';

/** Class names shared with the runtime and the theme. */
export const CODE_CLASSES = {
  block: 'code-block',
  bar: 'code-block__bar',
  file: 'code-block__file',
  copy: 'code-copy',
  line: 'code-line',
  step: 'code-step',
} as const;

/** What to render: the snippet, its language, where it came from and its steps. */
export interface CodeBlockInput {
  readonly code: string;
  readonly lang: string;
  readonly file: string | null;
  readonly steps: readonly CodeStep[];
}

/** Renders a code block; the copy button copies exactly `code`. */
export function renderCodeBlock({ code, lang, file, steps }: CodeBlockInput): string {
  const language = resolveLanguage(lang) ?? 'none';
  const lines = highlightLines(code, lang)
    .map((html, i) => `<span class="${CODE_CLASSES.line}" data-line="${i + 1}">${html}</span>`)
    .join('\n');
  const label = file
    ? `<span class="${CODE_CLASSES.file}">${escapeHtml(file)}</span>`
    : `<span class="${CODE_CLASSES.file}">${escapeHtml(lang)}</span>`;
  const stepFragments = steps
    .map(
      (lines, i) =>
        `<span class="fragment ${CODE_CLASSES.step}" data-code-step="${i + 1}" data-lines="${lines.join(',')}"></span>`,
    )
    .join('');
  return (
    `<div class="${CODE_CLASSES.block}"${steps.length > 0 ? ' data-has-steps' : ''}>` +
    `<div class="${CODE_CLASSES.bar}">${label}` +
    `<button type="button" class="${CODE_CLASSES.copy}" aria-label="Копировать код в буфер обмена">Копировать</button></div>` +
    `<pre class="language-${language}"><code class="language-${language}">${lines}</code></pre>` +
    stepFragments +
    `</div>\n`
  );
}
