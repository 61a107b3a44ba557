/**
 * The file-system layer around the pure pipeline: lists and reads the slide files and serves the
 * example files that slides include.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { SlideSource } from './build-deck.ts';
import type { FileReader } from './markdown.ts';

/** Slide files (`*.md`) of `slidesDir`, sorted by name, with paths relative to `root`. */
export function readSlides(root: string, slidesDir: string): SlideSource[] {
  const dir = resolve(root, slidesDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map((name) => ({
      file: toPosix(relative(root, join(dir, name))),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

/** A FileReader for repository files under `root` (null for missing files or directories). */
export function repoFileReader(root: string): FileReader {
  return (path) => {
    const full = resolve(root, path);
    if (!full.startsWith(resolve(root) + sep)) return null;
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : null;
  };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
