/**
 * Refuses markup in slide Markdown that would run code or embed another page: `<script>`,
 * `<iframe>`, `<object>`, `<embed>` and inline event handlers (`onclick=` …). Only raw HTML tokens
 * are checked, so fenced blocks and inline code spans may show such markup as code.
 */
import type { Token } from 'markdown-it';
import { SlideError } from './slide-error.ts';

const FORBIDDEN_TAG = /<\s*(script|iframe|object|embed)\b/gi;
// An attribute named on… inside a start tag (after the tag name and any other attributes).
const EVENT_HANDLER = /<[a-zA-Z][\w-]*(?:\s+[^\s>]+)*?\s+(on[a-zA-Z]+)\s*=/g;

/** Throws SlideError (file, line, what to fix) at the first forbidden tag or event handler. */
export function checkUnsafeHtml(tokens: readonly Token[], file: string, firstLine: number): void {
  for (const token of tokens) {
    const line = firstLine + (token.map?.[0] ?? 0);
    if (token.type === 'html_block') {
      checkHtml(token.content, file, line);
    } else if (token.type === 'inline' && token.children) {
      // Inline HTML carries no line of its own: find it in the paragraph's text, in order.
      let from = 0;
      for (const child of token.children) {
        if (child.type !== 'html_inline') continue;
        const at = token.content.indexOf(child.content, from);
        const offset = at < 0 ? 0 : at;
        from = offset + child.content.length;
        checkHtml(child.content, file, line + countNewlines(token.content.slice(0, offset)));
      }
    }
  }
}

function checkHtml(html: string, file: string, line: number): void {
  const at = (index: number): number => line + countNewlines(html.slice(0, index));
  for (const match of html.matchAll(FORBIDDEN_TAG)) {
    const tag = (match[1] ?? '').toLowerCase();
    throw new SlideError(
      file,
      at(match.index),
      `<${tag}> is not allowed in a slide: a widget (<!-- widget: name -->) or a code block shows it`,
    );
  }
  for (const match of html.matchAll(EVENT_HANDLER)) {
    const handler = match[1] ?? '';
    throw new SlideError(
      file,
      at(match.index + match[0].lastIndexOf(handler)),
      `the event handler ${handler}= is not allowed in a slide: slide HTML must not run code`,
    );
  }
}

const countNewlines = (text: string): number => text.split('\n').length - 1;
