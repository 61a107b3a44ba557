/**
 * A student's text inside a caption or a card: shortened to a length the line can hold, and
 * isolated when it holds right-to-left letters, so it cannot reorder the Russian around it. Pure.
 */
import { isolate } from './validate.ts';

/** `text` cut to at most `max` characters (code points), the last one «…» when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** `text` clipped to `max` and isolated when it holds right-to-left letters. */
export function shown(text: string, max: number): string {
  return isolate(clip(text, max));
}

/** `text` clipped, isolated and in «guillemets». */
export function quoted(text: string, max: number): string {
  return `«${shown(text, max)}»`;
}
