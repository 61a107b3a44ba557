/**
 * The rehearsal report as data: planned against actual seconds per slide, per part and for the
 * whole lecture, plus its CSV and JSON exports. Pure; the timer's per-slide times come in.
 */
import { partsInOrder, type PlannedSlide } from './plan.ts';

/** One row of the report. */
export interface ReportRow {
  readonly planned: number;
  /** Active seconds actually spent (whole seconds, rounded). */
  readonly actual: number;
  /** actual − planned. */
  readonly diff: number;
}

/** A slide's row. */
export interface SlideRow extends ReportRow {
  readonly id: string;
  readonly section: number;
  readonly title: string;
  readonly part: string;
  readonly partLabel: string;
}

/** A part's row. */
export interface PartRow extends ReportRow {
  readonly part: string;
  readonly partLabel: string;
  readonly slides: number;
}

/** The whole report. */
export interface RehearsalReport {
  readonly lectureMinutes: number;
  readonly slides: readonly SlideRow[];
  readonly parts: readonly PartRow[];
  readonly total: ReportRow;
  /** The slides shown so far (actual > 0): how many, and their plan against their actual. */
  readonly shown: ReportRow & { readonly slides: number };
  /** Seconds the timer stood still, by reason. */
  readonly paused: { readonly deck: number; readonly questions: number };
}

function row(planned: number, actual: number): ReportRow {
  return { planned, actual, diff: actual - planned };
}

/**
 * Builds the report from the plan and the per-slide active milliseconds. Slides never shown count
 * 0 s; times recorded for slides not in the plan are left out.
 */
export function buildReport(
  plan: readonly PlannedSlide[],
  perSlideMs: Readonly<Record<string, number>>,
  pausedMs: { readonly deck: number; readonly questions: number },
  lectureMinutes: number,
  partLabel: (part: string) => string,
): RehearsalReport {
  const slides = plan.map((s) => ({
    id: s.id,
    section: s.section,
    title: s.title,
    part: s.part,
    partLabel: partLabel(s.part),
    ...row(s.plannedSeconds, Math.round((perSlideMs[s.id] ?? 0) / 1000)),
  }));
  const parts = partsInOrder(plan).map((part) => {
    const mine = slides.filter((s) => s.part === part);
    const planned = mine.reduce((sum, s) => sum + s.planned, 0);
    const actual = mine.reduce((sum, s) => sum + s.actual, 0);
    return { part, partLabel: partLabel(part), slides: mine.length, ...row(planned, actual) };
  });
  const planned = slides.reduce((sum, s) => sum + s.planned, 0);
  const actual = slides.reduce((sum, s) => sum + s.actual, 0);
  const shown = slides.filter((s) => s.actual > 0);
  return {
    lectureMinutes,
    slides,
    parts,
    total: row(planned, actual),
    shown: {
      slides: shown.length,
      ...row(
        shown.reduce((sum, s) => sum + s.planned, 0),
        actual,
      ),
    },
    paused: {
      deck: Math.round(pausedMs.deck / 1000),
      questions: Math.round(pausedMs.questions / 1000),
    },
  };
}

/** Column headers of the CSV, in Russian. */
export const CSV_HEADER = [
  'Тип',
  'Раздел',
  'Название',
  'Часть',
  'План, с',
  'Факт, с',
  'Разница, с',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  // A leading =, +, − or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The report as CSV (comma-separated, CRLF line ends): one line per slide, per part, and the total. */
export function reportCsv(report: RehearsalReport): string {
  const lines: (string | number)[][] = [[...CSV_HEADER]];
  for (const s of report.slides) {
    lines.push(['слайд', s.section, s.title, s.partLabel, s.planned, s.actual, s.diff]);
  }
  for (const p of report.parts) {
    lines.push(['часть', '', p.partLabel, p.partLabel, p.planned, p.actual, p.diff]);
  }
  const t = report.total;
  lines.push(['итого', '', 'Вся лекция', '', t.planned, t.actual, t.diff]);
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The report as pretty-printed JSON (seconds throughout). */
export function reportJson(report: RehearsalReport): string {
  return JSON.stringify({ units: 'seconds', ...report }, null, 2);
}
