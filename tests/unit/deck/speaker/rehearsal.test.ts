import { describe, expect, it } from 'vitest';
import {
  buildReport,
  csvField,
  reportCsv,
  reportJson,
} from '../../../../src/deck/speaker/rehearsal.ts';
import { PLAN } from './fixtures.ts';

const LABELS: Record<string, string> = { intro: 'Введение', redis: 'Redis' };
const label = (part: string): string => LABELS[part] ?? part;

function report() {
  return buildReport(
    PLAN,
    { 's-1': 75_400, 's-2': 100_000, 's-3': 200_600, 's-99': 5_000 },
    { deck: 12_000, questions: 61_500 },
    90,
    label,
  );
}

describe('rehearsal report', () => {
  it('rounds actual seconds per slide and counts unseen slides as zero', () => {
    expect(report().slides.map((s) => [s.section, s.planned, s.actual, s.diff])).toEqual([
      [1, 60, 75, 15],
      [2, 120, 100, -20],
      [3, 180, 201, 21],
      [4, 90, 0, -90],
    ]);
  });

  it('sums slides per part in plan order, and the total', () => {
    const r = report();
    expect(r.parts).toEqual([
      { part: 'intro', partLabel: 'Введение', slides: 2, planned: 180, actual: 175, diff: -5 },
      { part: 'redis', partLabel: 'Redis', slides: 2, planned: 270, actual: 201, diff: -69 },
    ]);
    expect(r.total).toEqual({ planned: 450, actual: 376, diff: -74 });
    // Slide 4 was never shown: the slides shown so far were planned at 360 s.
    expect(r.shown).toEqual({ slides: 3, planned: 360, actual: 376, diff: 16 });
    expect(r.paused).toEqual({ deck: 12, questions: 62 });
  });

  it('exports CSV with a Russian header, quoting and CRLF', () => {
    const lines = reportCsv(report()).split('\r\n');
    expect(lines[0]).toBe(
      'Тип,Раздел,Название,Часть,План, с,Факт, с,Разница, с'.replace(
        /(План|Факт|Разница), с/g,
        '"$1, с"',
      ),
    );
    expect(lines[3]).toBe('слайд,3,"Redis, ""быстро""",Redis,180,201,21');
    expect(lines[5]).toBe('часть,,Введение,Введение,180,175,-5');
    expect(lines[7]).toBe('итого,,Вся лекция,,450,376,-74');
    expect(lines[8]).toBe('');
    expect(lines).toHaveLength(9);
  });

  it('keeps spreadsheet formulas out of text fields', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
  });

  it('exports JSON that parses back to the same figures', () => {
    const parsed = JSON.parse(reportJson(report())) as { units: string; total: unknown };
    expect(parsed.units).toBe('seconds');
    expect(parsed.total).toEqual({ planned: 450, actual: 376, diff: -74 });
  });
});
