/**
 * WCAG 2 contrast of two sRGB colours (#rrggbb, or rgb()/rgba() as getComputedStyle writes them),
 * for the unit test of the code palette and the browser test of the rendered code.
 */

/** An opaque colour's channels, 0–255. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Reads `#rrggbb`, `rgb(r, g, b)` or an opaque `rgba(r, g, b, 1)`; throws on anything else. */
export function parseColour(colour: string): Rgb {
  const text = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(text);
  if (hex) {
    const [, r = '', g = '', b = ''] = hex;
    return { r: parseInt(r, 16), g: parseInt(g, 16), b: parseInt(b, 16) };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)$/.exec(
    text,
  );
  if (rgb) {
    const [, r = '', g = '', b = '', alpha] = rgb;
    if (alpha === undefined || Number(alpha) === 1) return { r: +r, g: +g, b: +b };
  }
  throw new RangeError(`not an opaque sRGB colour: ${colour}`);
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(colour: string): number {
  const { r, g, b } = parseColour(colour);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio (1–21) of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
