/**
 * Every file a student may copy from examples/ is at least well-formed: each Python file compiles
 * with Debian's interpreter, each shell script passes `bash -n`, each YAML file parses (and a
 * compose file declares services), and the Kafka examples import — with kafka-python installed
 * and no Kafka server, so importing a module must not connect. Files are discovered by walking
 * examples/, so examples added later are covered without touching this test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const PYTHON = '/usr/bin/python3';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const examplesDir = join(repoRoot, 'examples');

/** All files under examples/ as repo-relative paths, sorted, skipping bytecode caches. */
function exampleFiles(): string[] {
  return readdirSync(examplesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split('/').includes('__pycache__'))
    .sort();
}

const files = exampleFiles();
const python = files.filter((f) => f.endsWith('.py'));
const shell = files.filter((f) => f.endsWith('.sh'));
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));
const kafkaModules = python.filter((f) => f.startsWith('examples/kafka/'));

// py_compile writes bytecode next to the source unless told otherwise: keep examples/ clean.
const pycachePrefix = mkdtempSync(join(tmpdir(), 'examples-pycache-'));
afterAll(() => rmSync(pycachePrefix, { recursive: true, force: true }));

function pythonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...extra };
  // A pyenv shell may export these; they would point Debian's Python at the wrong stdlib.
  delete env['PYTHONHOME'];
  delete env['PYTHONPATH'];
  return env;
}

function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv, cwd = repoRoot) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function isComposeFile(path: string): boolean {
  return /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(basename(path));
}

const kafkaPythonVersion = run(
  PYTHON,
  ['-c', 'import kafka; print(kafka.__version__)'],
  pythonEnv(),
).output;

describe('examples/ are discovered', () => {
  it('finds the Python, compose and Kafka examples', () => {
    expect(python.length).toBeGreaterThan(0);
    expect(yamlFiles.some(isComposeFile)).toBe(true);
    expect(kafkaModules.length).toBeGreaterThan(0);
  });
});

describe('every Python example compiles (py_compile, Debian python3)', () => {
  for (const file of python) {
    it(file, () => {
      const { code, output } = run(
        PYTHON,
        ['-X', `pycache_prefix=${pycachePrefix}`, '-m', 'py_compile', file],
        pythonEnv(),
      );
      expect(output).toBe('');
      expect(code).toBe(0);
    });
  }
});

describe('every shell script parses (bash -n)', () => {
  for (const file of shell) {
    it(file, () => {
      const { code, output } = run('bash', ['-n', file]);
      expect(output).toBe('');
      expect(code).toBe(0);
    });
  }
});

describe('every YAML file parses; compose files declare services', () => {
  for (const file of yamlFiles) {
    it(file, () => {
      const documents = parseAllDocuments(readFileSync(join(repoRoot, file), 'utf8'));
      const list = Array.isArray(documents) ? documents : [documents];
      for (const document of list) expect(document.errors.map((e) => e.message)).toEqual([]);
      if (!isComposeFile(file)) return;
      const compose: unknown = list[0]?.toJS();
      expect(compose).toBeTypeOf('object');
      const services = (compose as { services?: unknown }).services;
      expect(services, 'a compose file needs a services: mapping').toBeTypeOf('object');
      for (const [name, service] of Object.entries(services as Record<string, unknown>)) {
        const spec = service as { image?: unknown; build?: unknown };
        expect(spec.image ?? spec.build, `service ${name} needs image: or build:`).toBeTruthy();
      }
    });
  }
});

describe(`Kafka examples import without a Kafka server (kafka-python ${kafkaPythonVersion})`, () => {
  for (const file of kafkaModules) {
    it(file, () => {
      // A closed port: a module that connected at import time would fail with NoBrokersAvailable.
      const { code, output } = run(
        PYTHON,
        [
          '-c',
          `import importlib; importlib.import_module(${JSON.stringify(basename(file, '.py'))})`,
        ],
        pythonEnv({ KAFKA_BOOTSTRAP: '127.0.0.1:9' }),
        join(repoRoot, dirname(file)),
      );
      expect(output).toBe('');
      expect(code).toBe(0);
    });
  }
});
