/**
 * The caption: what the last step or action did, in words, with the numbers the picture shows;
 * one idea in at most two lines.
 */
import type { RequestRecord, UpdateRecord } from './app.ts';
import type { CacheRun } from './logic.ts';

/** Seconds as the audience reads them: «3600 с (1 ч)», «90 с (1 мин 30 с)», «5 с». */
export function formatSeconds(total: number): string {
  const s = Math.floor(total);
  if (s < 60) return `${s} с`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = [h > 0 ? `${h} ч` : '', m > 0 ? `${m} мин` : '', rest > 0 ? `${rest} с` : ''];
  return `${s} с (${parts.filter(Boolean).join(' ')})`;
}

/** Virtual clock as «ч:мм:сс,ммм». */
export function formatClock(ms: number): string {
  const total = Math.floor(ms);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const milli = total % 1000;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${h}:${pad(m)}:${pad(s)},${pad(milli, 3)}`;
}

function cachedEarlier(record: RequestRecord, requests: readonly RequestRecord[]): boolean {
  return requests.some((r) => r.n < record.n && r.key === record.key && r.source === 'db');
}

/** One sentence about a request. */
export function requestSentence(
  record: RequestRecord,
  requests: readonly RequestRecord[],
  ttlSeconds: number,
): string {
  const k = record.key;
  if (record.source === 'cache') {
    return `GET ${k} — попадание: ответ из Redis за ${record.ms} мс, база не тронута.`;
  }
  const why = cachedEarlier(record, requests) ? 'ключ истёк по TTL' : 'ключа нет';
  if (record.source === 'not-found') {
    return `GET ${k} → (nil), ${why}; в БД товара ${record.productId} нет — 404 за ${record.ms} мс. 404 не кэшируется: каждый такой запрос идёт в БД.`;
  }
  return `GET ${k} → (nil), промах (${why}): чтение из БД ${record.dbMs} мс, SETEX ${k} ${ttlSeconds} — ответ за ${record.ms} мс.`;
}

/** One sentence about a PUT (update_price): the row changes, the cached copy is deleted. */
export function updateSentence(record: UpdateRecord): string {
  const put = `PUT /products/${record.productId}`;
  if (!record.found) {
    return `${put}: в БД товара ${record.productId} нет — 404 за ${record.ms} мс, кэш не тронут.`;
  }
  const deleted = record.commands[0]?.reply === 1;
  const copy = deleted
    ? `DEL ${record.key} → 1: старая копия удалена`
    : `DEL ${record.key} → 0: копии в кэше не было`;
  return `${put}: цена в БД теперь ${record.price.toLocaleString('ru-RU')} ₽, ${copy} — следующий GET возьмёт новую цену из БД.`;
}

/** The caption for a frame. */
export function captionFor(run: CacheRun, ttlSeconds: number): string {
  const last = run.last;
  const lead = run.lead ? `${run.lead} ` : '';
  if (!last) {
    return 'Кэш пуст: в Redis ещё ничего нет, клиент запросит GET /products/1.';
  }
  if (last.kind === 'request') {
    return lead + requestSentence(last.record, run.requests, ttlSeconds);
  }
  if (last.kind === 'update') return lead + updateSentence(last.record);
  const waited = `Часы ушли вперёд на ${formatSeconds(last.seconds)}`;
  if (run.expired.length > 0) {
    return `${lead}${waited}: TTL истёк — Redis сам удалил ${run.expired.join(', ')} (expired). Следующий запрос будет промахом.`;
  }
  const keys = Object.keys(run.redis.keys);
  if (keys.length === 0) return `${lead}${waited}; в кэше ничего нет.`;
  return `${lead}${waited}: ни один ключ не истёк — TTL ещё не кончился.`;
}
