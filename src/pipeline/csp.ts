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
 * The one-file lecture's policy, opened from file://: scripts only by hash (the inlined bundle),
 * nothing fetched at all; frames only the file itself.
 */
export function singleFilePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    "style-src 'unsafe-inline'",
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
