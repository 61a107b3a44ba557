/** Parsing the lecturer's source text into sections. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLecture } from '../../../src/pipeline/lecture-source.ts';
import { parseTimeRange } from '../../../src/lecture/time-range.ts';

describe('parseLecture', () => {
  it('reads number, title, time and body; the body stops at the closing ---', () => {
    const text = [
      '# Лекция',
      '',
      '---',
      '',
      '## Слайд 1: Введение',
      '**Время: 3-4 минуты**',
      '',
      'Первый абзац.',
      '',
      '- пункт',
      '',
      '---',
      '',
      '## Слайд 2: (Пропущен в исходном файле)',
      '**Время: 0 минут**',
      '',
      '---',
      '',
      '**Общее время: 90-95 минут**',
    ].join('\r\n');
    expect(parseLecture(text)).toEqual([
      {
        number: 1,
        title: 'Введение',
        time: { min: 3, max: 4 },
        body: 'Первый абзац.\n\n- пункт',
        line: 5,
      },
      {
        number: 2,
        title: '(Пропущен в исходном файле)',
        time: { min: 0, max: 0 },
        body: '',
        line: 14,
      },
    ]);
  });

  it('names the line of a section without a time', () => {
    expect(() => parseLecture('## Слайд 1: Введение\nтекст\n')).toThrow(/line 2/);
  });

  it('reads the real lecture: 42 sections, 20 and 21 empty', () => {
    const lecture = parseLecture(
      readFileSync(
        fileURLToPath(new URL('../../../../shared/lecture/lecture-ru.md', import.meta.url)),
        'utf8',
      ),
    );
    expect(lecture).toHaveLength(42);
    expect(lecture[12]?.title).toBe('Redis + FastAPI - Кэширование');
    expect(lecture[4]?.time).toEqual({ min: 2, max: 2 });
    expect(lecture[19]?.body).toBe('');
    expect(lecture[41]?.body.endsWith('Готов ответить на ваши вопросы.')).toBe(true);
  });
});

describe('parseTimeRange', () => {
  it.each([
    ['3-4 минуты', { min: 3, max: 4 }],
    ['2 минуты', { min: 2, max: 2 }],
    ['0 минут', { min: 0, max: 0 }],
    ['4-5', { min: 4, max: 5 }],
    [2, { min: 2, max: 2 }],
    ['5-2', null],
    ['скоро', null],
  ])('%s → %j', (text, range) => {
    expect(parseTimeRange(text)).toEqual(range);
  });
});
