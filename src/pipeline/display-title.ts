/**
 * How a slide title is shown: the lecture writes «Redis - Обзор» with a hyphen between the parts;
 * the audience sees a dash, «Redis — Обзор» (docs/GLOSSARY.md). The front-matter keeps the
 * lecture's text, so only the rendered title changes.
 */

/** The title as shown: each spaced hyphen between words becomes a spaced em dash. */
export function displayTitle(title: string): string {
  return title.replace(/ +- +/g, ' — ');
}
