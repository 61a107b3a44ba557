/**
 * axe-core audits of a deck page. The deck's CSP forbids inline scripts (addScriptTag), so axe's
 * source is evaluated through CDP (page.evaluate) instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './deck-page.ts';

/** One axe-core finding: the rule, its impact and how many elements break it. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly nodes: number;
}

/** Serious or critical axe-core findings inside `selector` (the whole body by default). */
export async function axeFindings(page: Page, selector = 'body'): Promise<AxeFinding[]> {
  await page.evaluate(readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(el: Element): Promise<Result> } }).axe;
    const scope = document.querySelector(sel);
    if (!scope) throw new Error(`axe: nothing matches ${sel}`);
    const result = await axe.run(scope);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, selector);
}
