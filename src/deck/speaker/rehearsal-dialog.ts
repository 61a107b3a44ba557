/**
 * The rehearsal report in the speaker window: a summary, planned-vs-actual charts per part and per
 * slide, the same figures as tables, and CSV/JSON downloads (Blob URLs, nothing leaves the page).
 * Chart.js is loaded only when the report opens.
 */
import type { Chart } from 'chart.js';
import type { ElementFactory } from './dom.ts';
import { formatDuration, formatSigned } from './format.ts';
import {
  chartHeight,
  rehearsalChartConfig,
  REHEARSAL_COLORS,
  type ChartRow,
} from './rehearsal-chart.ts';
import { reportCsv, reportJson, type RehearsalReport, type ReportRow } from './rehearsal.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';

/** «план 1:30:00 · факт 1:33:12 · разница +3:12». */
export function summaryText(total: ReportRow): string {
  return `план ${formatDuration(total.planned)} · факт ${formatDuration(total.actual)} · разница ${formatSigned(total.diff)}`;
}

/**
 * The report as a modal `<dialog>` (showModal): the speaker window behind it is inert, so Tab
 * stays in the report; Esc closes it and focus goes back to the button that opened it.
 * `close()` removes it and its charts.
 */
export class RehearsalDialog {
  readonly element: HTMLDialogElement;
  private charts: Chart[] = [];
  private closed = false;
  private readonly previousFocus: Element | null;

  constructor(
    private readonly el: ElementFactory,
    private readonly doc: Document,
    report: RehearsalReport,
    fileStem: string,
    private readonly onClose: () => void,
  ) {
    this.previousFocus = doc.activeElement;
    const close = el('button', { type: 'button', class: C.button }, 'Закрыть');
    const csv = el('button', { type: 'button', class: C.button }, 'Скачать CSV');
    const json = el('button', { type: 'button', class: C.button }, 'Скачать JSON');
    close.addEventListener('click', () => this.close());
    csv.addEventListener('click', () =>
      download(doc, `${fileStem}.csv`, `\ufeff${reportCsv(report)}`, 'text/csv;charset=utf-8'),
    );
    json.addEventListener('click', () =>
      download(doc, `${fileStem}.json`, reportJson(report), 'application/json'),
    );
    const partsCanvas = el('canvas', { role: 'img', 'aria-label': 'План и факт по частям лекции' });
    const slidesCanvas = el('canvas', { role: 'img', 'aria-label': 'План и факт по слайдам' });
    const paused = report.paused;
    this.element = el(
      'dialog',
      { class: C.report, 'aria-labelledby': 'speaker-report-title' },
      el(
        'div',
        { class: C.reportBody },
        el(
          'header',
          { class: C.bar },
          el('h2', { id: 'speaker-report-title' }, 'Отчёт о репетиции'),
          el('span', { class: C.buttons }, csv, json, close),
        ),
        el(
          'p',
          { class: 'speaker-report__total', 'data-report': 'total' },
          `Вся лекция (${report.lectureMinutes} мин): ${summaryText(report.total)}`,
        ),
        el(
          'p',
          { 'data-report': 'shown' },
          `Показано слайдов: ${report.shown.slides} из ${report.slides.length} · ${summaryText(report.shown)}`,
        ),
        el(
          'p',
          {},
          `Паузы не входят в факт: на вопросы ${formatDuration(paused.questions)}, презентация на паузе ${formatDuration(paused.deck)}.`,
        ),
        legend(el),
        el('h3', {}, 'По частям'),
        el('div', { class: C.reportChart }, partsCanvas),
        table(
          el,
          'Часть',
          report.parts.map((p) => ({ label: p.partLabel, ...p })),
          'parts',
        ),
        el('h3', {}, 'По слайдам'),
        el('div', { class: C.reportChart }, slidesCanvas),
        el(
          'details',
          {},
          el('summary', {}, 'Таблица по слайдам'),
          table(
            el,
            'Слайд',
            report.slides.map((s) => ({ label: `${s.section}. ${s.title}`, ...s })),
            'slides',
          ),
        ),
      ),
    );
    // Esc on a modal dialog is a `cancel`; the dialog is closed our way (charts destroyed,
    // element removed, focus back). The keydown stops there so the speaker window's own keys
    // (which forward to the deck) never see it.
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') event.stopPropagation();
    });
    this.element.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.close();
    });
    // A browser may close it without a cancel (a second Esc with no user activation between).
    this.element.addEventListener('close', () => this.close());
    doc.body.append(this.element);
    this.element.showModal();
    close.focus();
    void this.drawCharts(
      [
        partsCanvas,
        report.parts.map((p) => ({ label: p.partLabel, planned: p.planned, actual: p.actual })),
      ],
      [
        slidesCanvas,
        report.slides.map((s) => ({
          label: `${s.section}. ${shorten(s.title)}`,
          planned: s.planned,
          actual: s.actual,
        })),
      ],
    );
  }

  private async drawCharts(...charts: [HTMLCanvasElement, ChartRow[]][]): Promise<void> {
    const { setupCharts } = await import('../../widgets/charts/chart-setup.ts');
    const ChartJs = setupCharts();
    if (this.closed) return;
    for (const [canvas, rows] of charts) {
      const width = Math.max(320, (canvas.parentElement?.clientWidth ?? 900) - 8);
      const height = chartHeight(rows.length);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      canvas.width = width;
      canvas.height = height;
      this.charts.push(
        new ChartJs(canvas, rehearsalChartConfig(rows, rows.length > 12 ? 'top' : 'bottom')),
      );
    }
    this.element.dataset['charts'] = 'ready';
  }

  /** Closes the dialog, destroys its charts and gives focus back. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    if (this.element.open) this.element.close();
    this.element.remove();
    if (this.previousFocus && 'focus' in this.previousFocus)
      (this.previousFocus as HTMLElement).focus();
    this.onClose();
  }
}

function legend(el: ElementFactory): HTMLElement {
  const swatch = (kind: 'planned' | 'actual'): HTMLElement => {
    const s = el('span', { class: `speaker-swatch speaker-swatch--${kind}` });
    s.style.borderColor = REHEARSAL_COLORS[kind];
    if (kind === 'actual') s.style.background = REHEARSAL_COLORS.actual;
    return s;
  };
  return el(
    'p',
    { class: C.reportLegend },
    swatch('planned'),
    'план — контур',
    swatch('actual'),
    'факт — заливка',
  );
}

function table(
  el: ElementFactory,
  head: string,
  rows: readonly (ReportRow & { label: string })[],
  kind: string,
): HTMLElement {
  return el(
    'table',
    { class: C.reportTable, 'data-report': kind },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, head),
        el('th', { scope: 'col' }, 'План'),
        el('th', { scope: 'col' }, 'Факт'),
        el('th', { scope: 'col' }, 'Разница'),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, r.label),
          el('td', {}, formatDuration(r.planned)),
          el('td', {}, formatDuration(r.actual)),
          el('td', { 'data-diff': r.diff }, formatSigned(r.diff)),
        ),
      ),
    ),
  );
}

function shorten(title: string): string {
  return title.length > 38 ? `${title.slice(0, 37)}…` : title;
}

/** Downloads `text` as a file from the speaker window via a Blob URL. */
export function download(doc: Document, name: string, text: string, type: string): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
}
