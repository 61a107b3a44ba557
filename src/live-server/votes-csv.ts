/**
 * The hall's votes as a spreadsheet (`GET /live/votes.csv?key=…`): one row per question and
 * choice, RFC 4180 quoting, UTF-8 with a BOM so Excel reads the Cyrillic right, and `;` between
 * cells: Excel in a Russian locale splits on `;` (a comma file opens as one column), and
 * LibreOffice and Google Sheets detect it.
 */
import type { QuestionResult } from '../live/session.ts';

const HEADER = ['Вопрос (id)', 'Вопрос', 'Вариант', 'Текст варианта', 'Голосов', 'Верный'];

function cell(value: string | number): string {
  const text = String(value);
  return /[";,\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text (BOM first, CRLF line ends) of every question asked so far. */
export function votesCsv(results: readonly QuestionResult[]): string {
  const rows: (string | number)[][] = [HEADER];
  for (const r of results) {
    r.choices.forEach((choice, i) => {
      const right = r.answer === undefined ? '' : r.answer === i ? 'да' : 'нет';
      rows.push([r.question, r.text, i + 1, choice, r.counts[i] ?? 0, right]);
    });
  }
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
