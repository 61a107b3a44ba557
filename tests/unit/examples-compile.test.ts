/**
 * Every file a student may copy from examples/ is at least well-formed: each Python file compiles
 * with Debian's interpreter and passes pyflakes (no undefined names), each shell script passes
 * `bash -n`, each YAML file parses (and a compose file declares services), and the Kafka examples
 * import — with kafka-python installed and no Kafka server, so importing a module must not connect. Files are discovered by walking
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

// pyflakes (Debian's python3-pyflakes, installed by scripts/install-system-deps.sh) reports
// undefined names, unused imports and other mistakes that compile but fail when the code runs.
describe('every Python example is free of undefined names and unused imports (pyflakes)', () => {
  for (const file of python) {
    it(file, () => {
      const { code, output } = run(PYTHON, ['-m', 'pyflakes', file], pythonEnv());
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

/**
 * The apache/kafka image reads no default server.properties once any KAFKA_* variable is set
 * (docker/examples/README.md in apache/kafka, "Running on default configs"), so the compose file
 * of slide 30 must name every setting a single KRaft node needs, as that repository's
 * docker/examples/docker-compose-files/single-node/plaintext/docker-compose.yml does.
 */
describe('examples/kafka/docker-compose.yml (slide 30) is a complete single-node KRaft broker', () => {
  const compose = parseAllDocuments(
    readFileSync(join(repoRoot, 'examples/kafka/docker-compose.yml'), 'utf8'),
  );
  const document = Array.isArray(compose) ? compose[0] : compose;
  const services = (document?.toJS() as { services: Record<string, unknown> }).services;
  const [name, service] = Object.entries(services)[0] ?? [];
  const spec = service as { image: string; ports: string[]; environment: Record<string, unknown> };
  const env = (key: string): string => {
    const value = spec.environment[key];
    expect(value, `${key} must be set`).toBeDefined();
    return String(value);
  };
  /** "NAME://host:port,…" → [{ name, host, port }]. */
  const listeners = (value: string) =>
    value.split(',').map((entry) => {
      const match = /^([A-Z_]+):\/\/([^:]*):(\d+)$/.exec(entry.trim());
      expect(match, `listener "${entry}" must look like NAME://host:port`).not.toBeNull();
      return { name: match?.[1] ?? '', host: match?.[2] ?? '', port: Number(match?.[3]) };
    });
  const protocolMap = (): Map<string, string> =>
    new Map(
      env('KAFKA_LISTENER_SECURITY_PROTOCOL_MAP')
        .split(',')
        .map((pair) => pair.split(':') as [string, string]),
    );

  it('runs the official apache/kafka image, one service', () => {
    expect(Object.keys(services)).toEqual([name]);
    expect(spec.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
  });

  it('is broker and controller at once, and votes for itself', () => {
    expect(env('KAFKA_PROCESS_ROLES').split(',').sort()).toEqual(['broker', 'controller']);
    const nodeId = env('KAFKA_NODE_ID');
    const voters = env('KAFKA_CONTROLLER_QUORUM_VOTERS').split(',');
    expect(voters).toHaveLength(1);
    const voter = /^(\d+)@([^:]+):(\d+)$/.exec(voters[0] ?? '');
    expect(voter?.[1]).toBe(nodeId);
    // The voter's port is the controller listener's port.
    const controllerNames = env('KAFKA_CONTROLLER_LISTENER_NAMES').split(',');
    const controller = listeners(env('KAFKA_LISTENERS')).find((l) =>
      controllerNames.includes(l.name),
    );
    expect(controller, 'the controller listener must be in KAFKA_LISTENERS').toBeDefined();
    expect(Number(voter?.[3])).toBe(controller?.port);
  });

  it('maps every listener to a security protocol; clients reach the advertised one on the published port', () => {
    const map = protocolMap();
    const bound = listeners(env('KAFKA_LISTENERS'));
    for (const listener of bound) expect(map.has(listener.name), listener.name).toBe(true);
    for (const controller of env('KAFKA_CONTROLLER_LISTENER_NAMES').split(',')) {
      expect(map.has(controller)).toBe(true);
    }
    const interBroker = env('KAFKA_INTER_BROKER_LISTENER_NAME');
    expect(bound.map((l) => l.name)).toContain(interBroker);

    const advertised = listeners(env('KAFKA_ADVERTISED_LISTENERS'));
    const controllerNames = env('KAFKA_CONTROLLER_LISTENER_NAMES').split(',');
    expect(advertised.some((l) => controllerNames.includes(l.name))).toBe(false);
    const published = new Map(
      spec.ports.map((mapping) => {
        const [host, container] = mapping.split(':').map(Number);
        return [container, host] as const;
      }),
    );
    for (const listener of advertised) {
      const own = bound.find((l) => l.name === listener.name);
      expect(own, `${listener.name} must be in KAFKA_LISTENERS`).toBeDefined();
      // What a client on the host dials: localhost and the port docker publishes.
      expect(listener.host).toBe('localhost');
      expect(published.get(own?.port ?? -1)).toBe(listener.port);
    }
  });

  it('gives the internal topics one replica and min ISR 1 (the defaults need 3 and 2 brokers)', () => {
    expect(env('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR')).toBe('1');
    expect(env('KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR')).toBe('1');
    expect(env('KAFKA_TRANSACTION_STATE_LOG_MIN_ISR')).toBe('1');
  });

  it('slide 30 shows the whole service (the region ends with the file)', () => {
    const source = readFileSync(join(repoRoot, 'examples/kafka/docker-compose.yml'), 'utf8');
    const afterRegion = source.slice(source.indexOf('# endregion') + '# endregion'.length);
    expect(afterRegion.trim()).toBe('');
    const shown = source.slice(source.indexOf('# region: kraft'));
    for (const key of Object.keys(spec.environment)) expect(shown).toContain(`${key}:`);
  });
});
