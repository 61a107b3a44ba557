/**
 * Pure parser of the lecturer's source text (lecture-ru.md): one record per `## Слайд N: Title`
 * section with its time range and the words the lecturer says.
 */
import { parseTimeRange, type TimeRange } from '../lecture/time-range.ts';

/** One section of the lecture as the lecturer wrote it. */
export interface LectureSection {
  readonly number: number;
  readonly title: string;
  readonly time: TimeRange;
  /** Everything after the `**Время: …**` line up to the closing `---`, trimmed. */
  readonly body: string;
  /** 1-based line of the `## Слайд` heading in the source. */
  readonly line: number;
}

const HEADING = /^## Слайд (\d+):\s*(.+?)\s*$/;
const TIME_LINE = /^\*\*Время:\s*(.+?)\*\*\s*$/;
const SEPARATOR = /^---\s*$/;

/** Parses the whole lecture; throws an Error naming the line when a section is malformed. */
export function parseLecture(text: string): LectureSection[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: LectureSection[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = HEADING.exec(lines[i] ?? '');
    if (!heading) continue;
    const headingLine = i + 1;
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    const timeMatch = TIME_LINE.exec(lines[j] ?? '');
    if (!timeMatch) {
      throw new Error(`lecture line ${j + 1}: expected "**Время: N-M минут**" after "${lines[i]}"`);
    }
    const time = parseTimeRange(timeMatch[1] ?? '');
    if (!time) throw new Error(`lecture line ${j + 1}: cannot read the time "${timeMatch[1]}"`);
    let end = j + 1;
    while (
      end < lines.length &&
      !SEPARATOR.test(lines[end] ?? '') &&
      !HEADING.test(lines[end] ?? '')
    ) {
      end++;
    }
    sections.push({
      number: Number(heading[1]),
      title: heading[2] ?? '',
      time,
      body: lines
        .slice(j + 1, end)
        .join('\n')
        .trim(),
      line: headingLine,
    });
    i = end - 1;
  }
  return sections;
}
