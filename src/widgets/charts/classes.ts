/** CSS classes of the chart widgets (styles: ./charts.css), prefixed w-ch-. */
export const CHART_CLASS = {
  charts: 'w-ch-charts',
  chart: 'w-ch-chart',
  title: 'w-ch-title',
  canvas: 'w-ch-canvas',
  figures: 'w-ch-figures',
  notes: 'w-ch-notes',
  shape: 'w-ch-shape',
  footnote: 'w-ch-footnote',
} as const;
