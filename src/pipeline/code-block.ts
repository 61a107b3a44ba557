/**
 * The HTML of one code block on a slide: a bar with the file name and the copy buttons
 * («Копировать» the snippet; «Весь файл», for a block included from a file, that whole file), the
 * highlighted lines (numbered by CSS), and one hidden reveal.js fragment per highlighting step.
 * The runtime (src/deck/code-steps.ts, src/page/copy-button.ts) relies on these class names.
 */
import type { CodeStep } from './code-include.ts';
import { escapeHtml, highlightLines, resolveLanguage } from './highlight.ts';

/** Class names shared with the runtime and the theme. */
export const CODE_CLASSES = {
  block: 'code-block',
  bar: 'code-block__bar',
  file: 'code-block__file',
  copy: 'code-copy',
  copyFile: 'code-copy--file',
  buttons: 'code-block__buttons',
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

/** The `name` of the button that copies the snippet, and of the one that copies its whole file. */
export const COPY_BUTTON_NAMES = { snippet: 'copy', file: 'copy-file' } as const;

/**
 * Renders a code block; «Копировать» copies exactly `code`. A block from a file carries the
 * file's path (`data-file`) and a «Весь файл» button; the file's text is not in the block
 * (src/pipeline/example-files.ts ships each file once for all blocks).
 */
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
  const path = file === null ? '' : escapeHtml(file);
  const copyFile =
    file === null
      ? ''
      : `<button type="button" name="${COPY_BUTTON_NAMES.file}" class="${CODE_CLASSES.copy} ${CODE_CLASSES.copyFile}" ` +
        `aria-label="Копировать весь файл ${path} в буфер обмена">Весь файл</button>`;
  return (
    `<div class="${CODE_CLASSES.block}"${steps.length > 0 ? ' data-has-steps' : ''}${file === null ? '' : ` data-file="${path}"`}>` +
    `<div class="${CODE_CLASSES.bar}">${label}<span class="${CODE_CLASSES.buttons}">` +
    `<button type="button" name="${COPY_BUTTON_NAMES.snippet}" class="${CODE_CLASSES.copy}" aria-label="Копировать код в буфер обмена">Копировать</button>` +
    `${copyFile}</span></div>` +
    // Focusable: a long snippet scrolls inside its block, and keyboard users must reach it.
    `<pre tabindex="0" class="language-${language}"><code class="language-${language}">${lines}</code></pre>` +
    stepFragments +
    `</div>\n`
  );
}
