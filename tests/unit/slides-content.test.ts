/**
 * The content guard: every slide file in slides/ against the lecturer's source text — titles,
 * time ranges, verbatim notes, parts, widgets, hidden sections, code includes, and a body that
 * is written for the audience rather than pasted from the notes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLecture } from '../../src/pipeline/lecture-source.ts';
import { parseSlide } from '../../src/pipeline/parse-slide.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const slidesDir = join(repoRoot, 'slides');
const lecture = parseLecture(
  readFileSync(resolve(repoRoot, '../shared/lecture/lecture-ru.md'), 'utf8'),
);
const slideFiles = existsSync(slidesDir)
  ? readdirSync(slidesDir).filter((f) => f.endsWith('.md'))
  : [];

const PART_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ['intro', 1, 8],
  ['redis', 9, 14],
  ['rabbitmq', 15, 26],
  ['kafka', 27, 34],
  ['compare', 35, 36],
  ['celery', 37, 39],
  ['patterns', 40, 42],
];

const WIDGETS: Readonly<Record<number, readonly string[]>> = {
  4: ['chart-throughput'],
  5: ['chart-brokers'],
  6: ['order-flow'],
  7: ['order-flow'],
  12: ['redis-pubsub'],
  13: ['cache-aside'],
  14: ['redis-list-queue'],
  17: ['exchange-routing'],
  18: ['exchange-routing'],
  19: ['rabbit-acks'],
  24: ['rabbit-acks'],
  26: ['exchange-routing'],
  27: ['kafka-replication'],
  29: ['kafka-partitions'],
  31: ['kafka-partitions'],
  32: ['kafka-partitions'],
  36: ['broker-chooser'],
  37: ['celery-retries'],
  38: ['celery-retries'],
  39: ['celery-retries'],
  40: ['patterns'],
  41: ['idempotent-consumer', 'celery-retries'],
};

/** Sections where the lecture speaks of "the code on the slide". */
const CODE_SECTIONS = new Set([
  6, 7, 10, 11, 12, 13, 14, 22, 23, 24, 25, 26, 30, 31, 32, 33, 34, 37, 39, 41,
]);

const normaliseText = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

const flatten = (text: string): string =>
  text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The body without fenced code blocks, for prose checks. */
function prose(body: string): string {
  return body.replace(/^\s*(```|~~~)[^\n]*\n[\s\S]*?^\s*\1\s*$/gm, '');
}

function sentences(text: string): string[] {
  return flatten(text)
    .split(/(?<=[.!?…])\s+/)
    .filter((s) => s.length >= 80);
}

function partOf(section: number): string | undefined {
  return PART_RANGES.find(([, from, to]) => section >= from && section <= to)?.[0];
}

describe('slides/ follow the lecture', () => {
  it('the lecture source has sections 1..42 in order', () => {
    expect(lecture.map((s) => s.number)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
  });

  for (const source of lecture) {
    const n = source.number;
    it(`section ${n}: ${source.title}`, () => {
      const prefix = String(n).padStart(2, '0');
      const matches = slideFiles.filter((f) => f.startsWith(`${prefix}-`));
      expect(matches, `expected exactly one file slides/${prefix}-….md`).toHaveLength(1);
      const fileName = `slides/${matches[0]}`;
      const slide = parseSlide(fileName, readFileSync(join(repoRoot, fileName), 'utf8'));

      expect(slide.section).toBe(n);
      expect(slide.title, 'title must be the lecture title exactly').toBe(source.title);
      expect(slide.time).toEqual(source.time);
      if (source.body === '') {
        expect(
          slide.notes.length,
          'a missing section carries at most a short remark',
        ).toBeLessThanOrEqual(200);
      } else {
        expect(normaliseText(slide.notes), 'notes must be the lecture text verbatim').toBe(
          normaliseText(source.body),
        );
      }
      expect(slide.hidden).toBe(n === 20 || n === 21);
      expect(slide.part).toBe(partOf(n));
      expect([...slide.widgets].sort()).toEqual([...(WIDGETS[n] ?? [])].sort());

      const text = prose(slide.body);
      for (const block of text.split(/\n\s*\n/)) {
        const plain = block.replace(/<[^>]+>/g, ' ');
        const isParagraph = !/[<|]/.test(block) && !/^\s*([-*+]|\d+\.)\s/m.test(block);
        if (isParagraph) {
          expect(
            flatten(plain).length,
            `body paragraph too long: "${plain.slice(0, 60)}…"`,
          ).toBeLessThanOrEqual(300);
        }
        for (const line of plain.split('\n')) {
          expect(
            line.trim().length,
            `body line too long: "${line.trim().slice(0, 60)}…"`,
          ).toBeLessThanOrEqual(300);
        }
      }
      const flatBody = flatten(text);
      for (const sentence of sentences(slide.notes)) {
        expect(
          flatBody.includes(sentence),
          `body repeats the notes: "${sentence.slice(0, 60)}…"`,
        ).toBe(false);
      }
      if (CODE_SECTIONS.has(n)) {
        expect(
          slide.body,
          'the lecture shows code here: include an examples/ file with ```lang file=…',
        ).toMatch(/^\s*(```|~~~)\s*[\w-]+[^\n]*\bfile=/m);
      }
    });
  }
});
