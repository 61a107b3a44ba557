/**
 * Fixture cases of the lecture pipeline, one `it()` per folder in tests/fixtures/pipeline/
 * (Slidev-style). The folder's prefix says which stage runs: `parse-` (parseSlide), `render-`
 * (parseSlide + renderSlide), `deck-` (buildDeck over every slide in the folder). The folder holds
 * either `error.json` ({file?, line, message}: the SlideError expected) or the expected output:
 * `expected.json` (parse, deck) or `expected.html` (render). UPDATE_FIXTURES=1 rewrites outputs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planLine } from '../../../src/lecture/timing.ts';
import { buildDeck } from '../../../src/pipeline/build-deck.ts';
import { parseSlide } from '../../../src/pipeline/parse-slide.ts';
import { readSlides, repoFileReader } from '../../../src/pipeline/read-slides.ts';
import { renderSlide } from '../../../src/pipeline/render-slide.ts';
import { SlideError } from '../../../src/pipeline/slide-error.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = 'tests/fixtures/pipeline';
const update = process.env['UPDATE_FIXTURES'] === '1';

interface ErrorCase {
  file?: string;
  line: number;
  message: string;
  sections?: number;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Runs the stage named by the folder prefix; returns its output as JSON-able data or HTML. */
function runCase(name: string, options: { sections?: number }): { json?: unknown; html?: string } {
  const dir = `${fixtures}/${name}`;
  const readFile = repoFileReader(root);
  if (name.startsWith('deck-')) {
    const deck = buildDeck(readSlides(root, dir), {
      slidesDir: dir,
      readFile,
      lectureMinutes: 90,
      sections: options.sections,
    });
    const timings = [...deck.html.matchAll(/data-timing="(\d+)"/g)].map((m) => Number(m[1]));
    const sections = [...deck.html.matchAll(/data-section="(\d+)"/g)].map((m) => Number(m[1]));
    const hidden = [
      ...deck.html.matchAll(/data-section="(\d+)"[^>]*data-visibility="hidden"/g),
    ].map((m) => Number(m[1]));
    return { json: { sections, hidden, timings, included: [...deck.included].sort() } };
  }
  const slides = readdirSync(join(root, dir)).filter((f) => f.endsWith('.md'));
  expect(slides, `${dir} holds exactly one slide file`).toHaveLength(1);
  const file = `${dir}/${slides[0]}`;
  const parsed = parseSlide(file, readFileSync(join(root, file), 'utf8'));
  if (name.startsWith('parse-')) return { json: parsed };
  const plan = { seconds: 135, line: planLine(135, 90, parsed.time) };
  return { html: renderSlide(parsed, { plan, readFile }) };
}

describe('pipeline fixtures', () => {
  const names = readdirSync(join(root, fixtures), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  for (const name of names) {
    const dir = join(root, fixtures, name);
    it(name, () => {
      const errorPath = join(dir, 'error.json');
      if (existsSync(errorPath)) {
        const expected = readJson<ErrorCase>(errorPath);
        let caught: unknown;
        try {
          runCase(name, { sections: expected.sections });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(SlideError);
        const error = caught as SlideError;
        const defaultFile = readdirSync(dir).find((f) => f.endsWith('.md'));
        expect(error.file).toBe(expected.file ?? `${fixtures}/${name}/${defaultFile}`);
        expect(error.line).toBe(expected.line);
        expect(error.hint).toContain(expected.message);
        return;
      }
      const options = existsSync(join(dir, 'options.json'))
        ? readJson<{ sections?: number }>(join(dir, 'options.json'))
        : {};
      const output = runCase(name, options);
      const expectedPath = join(dir, output.html === undefined ? 'expected.json' : 'expected.html');
      const actual = output.html ?? `${JSON.stringify(output.json, null, 2)}\n`;
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
