/**
 * The deck's Content-Security-Policy: only its own origin; inline styles (reveal.js lays out
 * slides with style attributes) and data: fonts/images. The speaker view (src/deck/speaker/) is
 * built by the deck's own script in a popup that inherits the policy: it needs no inline script.
 */
import { createHash } from 'node:crypto';

/** The policy string; `scriptHashes` are `'sha256-…'` sources for known inline scripts. */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The one-file lecture's policy, opened from file://: inline scripts only by hash (the chunk
 * loader), nothing fetched at all; frames only the file itself.
 * `blob:` lets the loader run the lecture's code chunks as blob: module URLs, so a widget's code
 * is parsed with its slide, not before the first one (src/pipeline/chunk-loader.ts). The risk is
 * small: only script already running in the page can mint a blob: URL (injected markup cannot),
 * and the loader mints them only from the chunk texts it reads before any lecture content
 * exists; no 'unsafe-inline', no 'unsafe-eval', no host is allowed.
 */
export function singleFilePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')} blob:`,
    // data: for a lazy chunk's stylesheet, linked when the chunk loads (chunk-loader.ts); inline
    // styles are allowed anyway, so this lets in nothing that could not come in before.
    "style-src 'unsafe-inline' data:",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `'sha256-…'` of a script's exact text, as CSP expects. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}
