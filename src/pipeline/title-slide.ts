/**
 * The title screen before section 1: the lecture's title, audience, lecturer and date, as the
 * lecture's own header says them (`# Текст для лектора: …`, `## Аудитория: …`, `## Лектор: …`,
 * `## Дата: …`; tests/unit/pipeline/title-slide.test.ts checks LECTURE_HEADER against
 * lecture-ru.md). It is not a section: no `data-section`, so the slide number, the plan, the
 * reading view and the handout leave it out, and reveal.js shows it first (`#/title`).
 */
import { displayTitle } from './display-title.ts';
import { escapeHtml } from './highlight.ts';

/** What the lecture's header says; a line the header lacks is null and is not shown. */
export interface LectureHeader {
  readonly title: string;
  readonly audience: string | null;
  readonly lecturer: string | null;
  readonly date: string | null;
}

/** The header of /work/shared/lecture/lecture-ru.md (there is no date in it). */
export const LECTURE_HEADER: LectureHeader = {
  title: 'Брокеры сообщений - Redis, RabbitMQ, Kafka',
  audience: 'Студенты 4 курса, специальность "Информационные системы и технологии"',
  lecturer: 'Сеньор Python разработчик с опытом архитектора',
  date: null,
};

/** The section id of the title screen (deep link `#/title`). */
export const TITLE_SLIDE_ID = 'title';

const HEADER_LINE = /^(#{1,2})\s*([^:]+?):\s*(.+?)\s*$/;

/** Reads the header lines before the first `---` of the lecture's text. */
export function parseLectureHeader(text: string): LectureHeader {
  const fields = new Map<string, string>();
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^---\s*$/.test(line)) break;
    const match = HEADER_LINE.exec(line);
    if (match?.[2] !== undefined && match[3] !== undefined) fields.set(match[2], match[3]);
  }
  const title = fields.get('Текст для лектора');
  if (title === undefined) throw new Error('lecture header: no "# Текст для лектора: …" line');
  return {
    title,
    audience: fields.get('Аудитория') ?? null,
    lecturer: fields.get('Лектор') ?? null,
    date: fields.get('Дата') ?? null,
  };
}

/** Straight double quotes as Russian «ёлочки» (the audience sees Russian typography). */
function russianQuotes(text: string): string {
  return text.replace(/"([^"]*)"/g, '«$1»');
}

/** «Брокеры сообщений — Redis, RabbitMQ, Kafka»: what follows the dash on a line of its own. */
function titleLines(title: string): string {
  const dash = title.indexOf(' — ');
  if (dash < 0) return escapeHtml(title);
  return (
    `${escapeHtml(title.slice(0, dash))} —` +
    ` <span class="title-main-rest">${escapeHtml(title.slice(dash + 3))}</span>`
  );
}

/** The title screen's `<section>`. */
export function renderTitleSlide(header: LectureHeader = LECTURE_HEADER): string {
  const lines: [string, string | null][] = [
    ['Аудитория', header.audience],
    ['Лектор', header.lecturer],
    ['Дата', header.date],
  ];
  const meta = lines
    .filter((line): line is [string, string] => line[1] !== null && line[1].trim() !== '')
    .map(
      ([label, value]) =>
        `<div class="title-meta-row"><dt>${label}</dt><dd>${escapeHtml(russianQuotes(value))}</dd></div>`,
    )
    .join('');
  return (
    `<section id="${TITLE_SLIDE_ID}" class="title-slide" data-state="on-title-screen">\n` +
    `<div class="title-screen">` +
    `<h1 class="title-main">${titleLines(displayTitle(header.title))}</h1>` +
    (meta ? `<dl class="title-meta">${meta}</dl>` : '') +
    `</div>\n` +
    `<aside class="notes"><p>Титульный слайд. Хронометраж лекции начнётся, когда вы перейдёте к слайду 1.</p></aside>\n` +
    `</section>\n`
  );
}
