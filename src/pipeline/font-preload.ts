/**
 * Which font files the first slide needs, for `<link rel="preload">` in the built index.html:
 * the browser then fetches them with the script instead of after the first layout, and the
 * title is drawn in PT Sans at once, not in a fallback font that swaps a moment later. Read from
 * the built CSS's @font-face rules (not from file names), so renamed or subset fonts still match.
 */
import { posix } from 'node:path';

/** The faces the title screen is set in: PT Sans, upright, regular and bold. */
export const FIRST_SLIDE_FACES = {
  family: 'PT Sans',
  weights: ['400', '700'],
} as const;

const FONT_FACE = /@font-face\s*\{([^}]*)\}/g;

/** A descriptor's value in an @font-face body, unquoted and trimmed. */
function descriptor(body: string, name: string): string | undefined {
  const value = new RegExp(`(?:^|;)\\s*${name}\\s*:([^;]*)`).exec(body)?.[1]?.trim();
  return value?.replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * The woff2 files (paths relative to the page) of the first slide's faces in the stylesheet
 * `css`, which is at `cssFile` (relative to the page). Data: URLs are left out (nothing to fetch).
 */
export function firstSlideFontFiles(css: string, cssFile: string): string[] {
  const files: string[] = [];
  for (const [, body = ''] of css.matchAll(FONT_FACE)) {
    const family = descriptor(body, 'font-family');
    const style = descriptor(body, 'font-style') ?? 'normal';
    const weight = descriptor(body, 'font-weight') ?? '400';
    const weights: readonly string[] = FIRST_SLIDE_FACES.weights;
    if (family !== FIRST_SLIDE_FACES.family || style !== 'normal' || !weights.includes(weight))
      continue;
    for (const [, quoted = ''] of body.matchAll(/url\(\s*([^)]*?)\s*\)\s*format\(\s*["']?woff2/g)) {
      const url = quoted.replace(/^(['"])(.*)\1$/, '$2');
      if (url.startsWith('data:')) continue;
      files.push(posix.normalize(posix.join(posix.dirname(cssFile), url)));
    }
  }
  return [...new Set(files)];
}
