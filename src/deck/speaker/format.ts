/**
 * How the speaker view writes times: a wall clock in the 24-hour Russian format, durations as
 * «М:СС» or «Ч:ММ:СС», and signed deviations («+1:20»). Pure.
 */

/** «14:05:09»: the wall clock, 24-hour, as `ru-RU` writes it (no AM/PM). */
export function formatClock(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** «4:05», «0:07», «1:02:03»: whole seconds (rounded down), never negative. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** «+1:20» or «−0:45» (a true minus sign); «0:00» for zero. */
export function formatSigned(seconds: number): string {
  const whole = Math.trunc(seconds);
  if (whole === 0) return '0:00';
  return `${whole > 0 ? '+' : '−'}${formatDuration(Math.abs(whole))}`;
}

/** «1 мин 20 с», «45 с», «3 мин»: a duration in words, for screen readers and summaries. */
export function formatSpoken(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} с`;
  return s === 0 ? `${m} мин` : `${m} мин ${s} с`;
}
