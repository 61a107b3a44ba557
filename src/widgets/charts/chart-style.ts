/** Broker colours, always paired with a shape so colour is never the only cue. */
export const SERIES_STYLE = {
  sql: { color: '#5b6b7f', shape: '▲' },
  nosql: { color: '#2f7d4f', shape: '▼' },
  broker: { color: '#c0392b', shape: '◆' },
  redis: { color: '#c0392b', shape: '◆' },
  rabbitmq: { color: '#d35400', shape: '●' },
  kafka: { color: '#1b1f24', shape: '■' },
} as const;

/** Log-axis tick labels, short enough to stay level on a projector. */
export const COUNT_TICKS: Readonly<Record<number, string>> = {
  1e3: '1 тыс.',
  1e4: '10 тыс.',
  1e5: '100 тыс.',
  1e6: '1 млн',
  1e7: '10 млн',
};
