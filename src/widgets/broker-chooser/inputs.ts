/**
 * Pure parts of the student's inputs: the workload's name (shown as text, never markup) and a
 * message rate typed as a number, mapped to the throughput question's answer.
 */
import type { Validation } from '../runtime/validate.ts';

/** Longest workload name, in characters (it is a heading on a slide). */
export const MAX_NAME = 60;

/** A workload name: trimmed, not empty, at most {@link MAX_NAME} characters. */
export function validateWorkloadName(raw: string): Validation<string> {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, message: 'Название: поле не может быть пустым.' };
  const chars = [...text].length;
  if (chars > MAX_NAME) {
    return { ok: false, message: `Название: не длиннее ${MAX_NAME} символов (сейчас ${chars}).` };
  }
  return { ok: true, value: text };
}

/** Largest rate a student may type: 100 million messages a second. */
export const MAX_RATE = 100_000_000;

/** Messages per second: a whole number from 1 to {@link MAX_RATE} (spaces as separators allowed). */
export function validateRate(raw: string): Validation<number> {
  const compact = raw.replace(/[\s\u00a0_]/g, '');
  // Twelve digits at most, so Number() stays exact and a pasted essay is rejected at once.
  if (!/^-?\d{1,12}$/.test(compact)) {
    return { ok: false, message: `Сообщений в секунду: введите целое число от 1 до ${MAX_RATE}.` };
  }
  const value = Number(compact);
  if (value < 1 || value > MAX_RATE) {
    return {
      ok: false,
      message: `Сообщений в секунду: допустимо от 1 до ${MAX_RATE}, введено ${value}.`,
    };
  }
  return { ok: true, value };
}

/** The throughput answer for a rate: the lecture's ~20 000 (RabbitMQ), 100 000+ (Redis), 1 000 000+ (Kafka). */
export function throughputFor(rate: number): 'moderate' | 'high' | 'huge' {
  if (rate <= 20_000) return 'moderate';
  if (rate < 1_000_000) return 'high';
  return 'huge';
}
