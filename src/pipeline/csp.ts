/**
 * The deck's Content-Security-Policy: only its own origin; inline styles (reveal.js lays out
 * slides with style attributes) and data: fonts/images. reveal's speaker view is written into an
 * about:blank popup that inherits this policy, so its one inline script is allowed by hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';

/** The policy string; `scriptHashes` are `'sha256-…'` sources for known inline scripts. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
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
 * The one-file lecture's policy, opened from file://: scripts only by hash (the inlined bundle
 * and the speaker view's), nothing fetched at all; frames only the file itself (speaker view).
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

/**
 * Hashes of the inline scripts in reveal.js's speaker-view page, read from the installed notes
 * plugin, so an upgrade of reveal.js cannot silently break the speaker view.
 */
export function speakerViewScriptHashes(): string[] {
  const require = createRequire(import.meta.url);
  const pluginPath = require.resolve('reveal.js/plugin/notes').replace(/notes\.js$/, 'notes.mjs');
  const source = readFileSync(pluginPath, 'utf8');
  const start = source.indexOf('.document.write("');
  if (start < 0) throw new Error(`speaker view template not found in ${pluginPath}`);
  const literalStart = start + '.document.write('.length;
  // The template is one double-quoted JS string literal; find its closing quote.
  let end = literalStart + 1;
  while (end < source.length && source[end] !== '"') end += source[end] === '\\' ? 2 : 1;
  // Evaluating a string literal from our own node_modules at build time: no code runs but the literal.
  const html = runInNewContext(source.slice(literalStart, end + 1)) as string;
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) =>
    scriptHash(match[1] ?? ''),
  );
}
