/**
 * The layers go one way, and eslint.config.js makes each rule an error (issue 13, «Layers, one way,
 * enforced»): for every layer, an import of each layer it must not reach — static, type-only,
 * re-export and dynamic `import()` — is linted as if written in one of that layer's files and must
 * be an error, while the imports the layer is allowed stay clean. Nothing is written to disk.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** A file of each layer (paths need not exist: the config matches by path). */
const FILE: Record<string, string> = {
  broker: 'src/broker/kafka/probe.ts',
  lecture: 'src/lecture/probe.ts',
  live: 'src/live/probe.ts',
  pipeline: 'src/pipeline/probe.ts',
  widgets: 'src/widgets/runtime/probe.ts',
  page: 'src/page/probe.ts',
  deck: 'src/deck/probe.ts',
  reading: 'src/reading/probe.ts',
  remote: 'src/remote/probe.ts',
};

/** Which layers each layer must never import, as the issue and the README say. */
const FORBIDDEN: Record<string, readonly string[]> = {
  broker: ['widgets', 'deck', 'reading', 'pipeline', 'page', 'lecture', 'live', 'remote'],
  lecture: ['broker', 'widgets', 'deck', 'reading', 'pipeline', 'page'],
  live: ['broker', 'widgets', 'deck', 'reading', 'page', 'live-server'],
  pipeline: ['deck', 'reading', 'widgets', 'page', 'broker', 'live', 'live-server'],
  widgets: ['deck', 'reading', 'pipeline', 'page', 'live-server'],
  page: ['deck', 'reading', 'pipeline', 'widgets', 'live-server'],
  deck: ['reading', 'pipeline', 'live-server'],
  reading: ['deck', 'pipeline', 'live-server'],
  remote: ['deck', 'reading', 'widgets', 'pipeline', 'live-server'],
};

/** Imports each layer makes today: they must stay allowed. */
const ALLOWED: Record<string, readonly string[]> = {
  broker: ['core'],
  lecture: [],
  live: [],
  pipeline: ['lecture'],
  widgets: ['broker', 'lecture'],
  page: ['lecture'],
  deck: ['widgets', 'page', 'lecture'],
  reading: ['widgets', 'page', 'lecture'],
  remote: ['lecture', 'page', 'live'],
};

/** The four ways one module can reach another, from a file two folders down in src/. */
function imports(target: string): string {
  const path = `../../${target}/x.ts`;
  return [
    `import { a } from '${path}';`,
    `import type { B } from '${path}';`,
    `export { c } from '${path}';`,
    `export const d = () => import('${path}');`,
    `console.log(a);`,
    `export type E = B;`,
  ].join('\n');
}

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(layer: string, target: string): Promise<string[]> {
  const [result] = await eslint.lintText(imports(target), { filePath: FILE[layer] });
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.severity === 2 &&
        (m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax'),
    )
    .map((m) => `${m.line}: ${m.message}`);
}

describe('layer rules are lint errors', () => {
  for (const [layer, targets] of Object.entries(FORBIDDEN)) {
    it(`${layer} never imports ${targets.join(', ')}`, async () => {
      for (const target of targets) {
        const errors = await layerErrors(layer, target);
        // Every one of the four imports is refused.
        expect(
          errors.map((e) => e.split(':')[0]),
          `${layer} → ${target}`,
        ).toEqual(['1', '2', '3', '4']);
      }
    });
  }

  for (const [layer, targets] of Object.entries(ALLOWED)) {
    if (targets.length === 0) continue;
    it(`${layer} may import ${targets.join(', ')}`, async () => {
      for (const target of targets) {
        expect(await layerErrors(layer, target), `${layer} → ${target}`).toEqual([]);
      }
    });
  }
});
