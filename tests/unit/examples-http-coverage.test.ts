/**
 * Every FastAPI app in examples/ is exercised over real HTTP: for each route an app declares
 * (`@app.get("/path/{id}")` …), one test file in tests/real/ serves that module with uvicorn
 * (`serve(…)` of tests/real/helpers/uvicorn.ts, the module named as a string) and sends that
 * method to a path matching the route. A new app or a new endpoint without such a test fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One route of one example app. */
interface Route {
  readonly file: string;
  readonly module: string;
  readonly method: string;
  readonly path: string;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .sort();
}

const apps = filesUnder('examples', '.py').filter((file) =>
  /^app = FastAPI\(/m.test(readFileSync(join(repoRoot, file), 'utf8')),
);
const routes: Route[] = apps.flatMap((file) =>
  [
    ...readFileSync(join(repoRoot, file), 'utf8').matchAll(
      /^@app\.(get|post|put|patch|delete)\("([^"]+)"/gm,
    ),
  ].map((match) => ({
    file,
    module: basename(file, '.py'),
    method: (match[1] ?? '').toUpperCase(),
    path: match[2] ?? '',
  })),
);
const realTests = filesUnder('tests/real', '.test.ts').map((file) =>
  readFileSync(join(repoRoot, file), 'utf8'),
);

/** A route template as a pattern for the path a test sends: `{id}` is any one segment. */
function pathPattern(path: string): string {
  return path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/\'"`]+');
}

describe('every FastAPI example app is called over HTTP by a real test', () => {
  it('finds the apps and their routes', () => {
    expect(apps.length).toBeGreaterThanOrEqual(8);
    expect(routes.length).toBeGreaterThanOrEqual(apps.length);
  });

  for (const route of routes) {
    it(`${route.file}: ${route.method} ${route.path}`, () => {
      // The module is named as a string and the file serves apps; the method and a matching
      // path are passed together (to ServedApp.request or a helper that forwards them).
      const served = new RegExp(
        `\\bserve\\([\\s\\S]*'${route.module}'|'${route.module}'[\\s\\S]*\\bserve\\(`,
      );
      const called = new RegExp(`'${route.method}',\\s*[\`'"]${pathPattern(route.path)}[\`'"?]`);
      const covering = realTests.filter((text) => served.test(text) && called.test(text));
      expect(covering.length, `no test serves ${route.module} and sends this request`).toBe(1);
    });
  }
});
