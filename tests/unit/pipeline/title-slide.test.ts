/** The title screen: its lines come from the lecture's header; no part label repeats a title. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDeck, type SlideSource } from '../../../src/pipeline/build-deck.ts';
import { repoFileReader } from '../../../src/pipeline/read-slides.ts';
import {
  LECTURE_HEADER,
  parseLectureHeader,
  renderTitleSlide,
} from '../../../src/pipeline/title-slide.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const lecture = readFileSync(resolve(repoRoot, '../shared/lecture/lecture-ru.md'), 'utf8');

describe('the title screen', () => {
  it("holds what the lecture's header says, and nothing it does not (no date there)", () => {
    expect(LECTURE_HEADER).toEqual(parseLectureHeader(lecture));
    expect(LECTURE_HEADER.date).toBeNull();
  });

  it('shows the title (dash, not hyphen), audience and lecturer; a missing line is left out', () => {
    const html = renderTitleSlide();
    expect(html).toContain('Брокеры сообщений —');
    expect(html).toContain('Redis, RabbitMQ, Kafka');
    expect(html).toContain('<dt>Аудитория</dt>');
    expect(html).toContain('«Информационные системы и технологии»');
    expect(html).toContain('<dt>Лектор</dt>');
    expect(html).not.toContain('Дата');
    expect(html).not.toContain('data-section');
    const dated = renderTitleSlide({ ...LECTURE_HEADER, lecturer: null, date: '1 декабря 2026' });
    expect(dated).toContain('<dt>Дата</dt><dd>1 декабря 2026</dd>');
    expect(dated).not.toContain('Лектор');
  });

  it('reads a header with a date and refuses text without a title line', () => {
    const header = parseLectureHeader(
      '# Текст для лектора: Т - У\n## Дата: 2 мая\n## Аудитория: А\n---\n## Лектор: после черты\n',
    );
    expect(header).toEqual({ title: 'Т - У', audience: 'А', lecturer: null, date: '2 мая' });
    expect(() => parseLectureHeader('## Аудитория: А\n')).toThrow(/Текст для лектора/);
  });

  it('comes first in the built deck; no slide has a part label equal to its title', () => {
    const sources: SlideSource[] = readdirSync(resolve(repoRoot, 'slides'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({
        file: `slides/${name}`,
        text: readFileSync(resolve(repoRoot, 'slides', name), 'utf8'),
      }));
    const deck = buildDeck(sources, {
      slidesDir: 'slides',
      readFile: repoFileReader(repoRoot),
      lectureMinutes: 90,
    });
    expect(deck.html.startsWith('<section id="title"')).toBe(true);
    expect(deck.sectionCount).toBe(42);
    const heads = [
      ...deck.html.matchAll(
        /<header class="slide-head">(?:<span class="slide-part">([^<]*)<\/span>)?<h2 class="slide-title">([^<]*)<\/h2>/g,
      ),
    ];
    expect(heads).toHaveLength(42);
    for (const [, part, title] of heads)
      expect(part?.toLowerCase(), `label of «${title}»`).not.toBe(title?.toLowerCase());
    // Section 1 («Введение», part «Введение») has no label at all.
    expect(deck.html).toContain(
      '<header class="slide-head"><h2 class="slide-title">Введение</h2></header>',
    );
  });
});
