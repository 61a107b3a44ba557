import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../../src/pipeline/display-title.ts';
import { parseSlide } from '../../../src/pipeline/parse-slide.ts';
import { renderSlide } from '../../../src/pipeline/render-slide.ts';

const slidesDir = fileURLToPath(new URL('../../../slides', import.meta.url));

describe('slide titles are shown with a dash', () => {
  it('replaces the lecture’s spaced hyphen with a spaced em dash', () => {
    expect(displayTitle('Redis - Обзор')).toBe('Redis — Обзор');
    expect(displayTitle('Redis + FastAPI - Кэширование')).toBe('Redis + FastAPI — Кэширование');
  });

  it('leaves hyphens inside words and titles without a separator alone', () => {
    expect(displayTitle('Redis Pub/Sub')).toBe('Redis Pub/Sub');
    expect(displayTitle('at-least-once - обзор')).toBe('at-least-once — обзор');
  });

  it('every rendered slide title uses « — », never « - », while the front-matter keeps the lecture text', () => {
    const files = readdirSync(slidesDir).filter((f) => f.endsWith('.md'));
    let withHyphen = 0;
    for (const file of files) {
      const slide = parseSlide(file, readFileSync(join(slidesDir, file), 'utf8'));
      if (slide.title.includes(' - ')) withHyphen += 1;
      // Only the header matters here: the body's code includes are other tests' business.
      const html = renderSlide(
        { ...slide, body: '', factCheck: null },
        { plan: { seconds: 60, line: '' }, readFile: () => '' },
      );
      const shown = /<h2 class="slide-title">([^<]*)<\/h2>/.exec(html)?.[1] ?? '';
      expect(shown, file).toBe(displayTitle(slide.title));
      expect(shown, file).not.toContain(' - ');
    }
    expect(withHyphen).toBe(20);
  });
});
