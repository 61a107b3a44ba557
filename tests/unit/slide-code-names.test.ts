/**
 * A snippet on a slide reads as a whole: every name a Python region uses is defined in the
 * region, imported in it, a builtin, or listed in a visible comment of the region (a line of its
 * own or the end of a code line, also after another comment and "; ") `# выше в файле: name, name`
 * (a list ending in a comma goes on in the next comment line; see
 * docs/SLIDE-FORMAT.md, "Snippets read as a whole"). A listed name
 * must really be bound in the file above the region and be used in it, so the list stays true.
 * Undefined names are found by pyflakes (Debian's python3-pyflakes) on the shown snippet.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRegion, parseFenceInfo } from '../../src/pipeline/code-include.ts';

const PYTHON = '/usr/bin/python3';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One Python region shown on a slide. */
interface Shown {
  readonly slide: string;
  readonly file: string;
  readonly region: string;
  readonly code: string;
  readonly source: string;
  /** 1-based file line of the region's first line (after its `# region:` marker). */
  readonly firstLine: number;
}

/** What the checker found for one region. */
interface Verdict {
  readonly undefined: string[];
  readonly listedNotAbove: string[];
  readonly listedUnused: string[];
  readonly syntaxError: string | null;
}

const CHECKER = String.raw`
import ast, json, re, sys
from pyflakes import checker, messages

LISTED = re.compile(r"#(?:[^#]*;)?\s*выше в файле:\s*(.+?)\s*$")

def bindings(tree):
    """(name, line) of every binding anywhere in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.append((node.id, node.lineno))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.append((node.name, node.lineno))
        elif isinstance(node, ast.arg):
            found.append((node.arg, node.lineno))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                found.append(((alias.asname or alias.name).split(".")[0], node.lineno))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.append((node.name, node.lineno))
    return found

verdicts = []
for item in json.load(sys.stdin):
    listed, continued = [], False
    for line in item["code"].splitlines():
        match = LISTED.search(line) or (continued and re.match(r"^\s*#\s+(.+?)\s*$", line))
        continued = bool(match) and match.group(1).endswith(",")
        if match:
            listed += [name.strip() for name in match.group(1).split(",") if name.strip()]
    try:
        tree = ast.parse(item["code"])
    except SyntaxError as error:
        verdicts.append({"undefined": [], "listedNotAbove": [], "listedUnused": [],
                         "syntaxError": str(error)})
        continue
    flakes = checker.Checker(tree, filename=item["file"], builtins=set(listed))
    undefined = sorted({m.message_args[0] for m in flakes.messages
                        if isinstance(m, messages.UndefinedName)})
    above = {name for name, line in bindings(ast.parse(item["source"])) if line < item["firstLine"]}
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    verdicts.append({
        "undefined": undefined,
        "listedNotAbove": [name for name in listed if name not in above],
        "listedUnused": [name for name in listed if name not in used],
        "syntaxError": None,
    })
print(json.dumps(verdicts))
`;

/** Every `python file=… region=…` block of every slide, with the region cut as the build does. */
function shownRegions(): Shown[] {
  const shown: Shown[] = [];
  for (const slide of readdirSync(join(repoRoot, 'slides')).sort()) {
    const text = readFileSync(join(repoRoot, 'slides', slide), 'utf8');
    for (const match of text.matchAll(/^```(.*\bfile=.*)$/gm)) {
      const info = parseFenceInfo(match[1] ?? '');
      if (info.lang !== 'python' || info.file === null || info.region === null) continue;
      const source = readFileSync(join(repoRoot, info.file), 'utf8');
      const marker = source
        .split('\n')
        .findIndex((line) => new RegExp(`^\\s*# region: ${info.region}\\s*$`).test(line));
      shown.push({
        slide,
        file: info.file,
        region: info.region,
        code: extractRegion(source, info.region),
        source,
        firstLine: marker + 2,
      });
    }
  }
  return shown;
}

const regions = shownRegions();
const result = spawnSync(PYTHON, ['-c', CHECKER], {
  input: JSON.stringify(regions),
  encoding: 'utf8',
  env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: '', PYTHONHOME: '' },
});
const verdicts = result.status === 0 ? (JSON.parse(result.stdout) as Verdict[]) : [];

describe('Python snippets on slides name only what they define, import or list', () => {
  it('finds the slides’ Python regions and checks them with pyflakes', () => {
    expect(result.stderr).toBe('');
    expect(regions.length).toBeGreaterThan(20);
    expect(verdicts).toHaveLength(regions.length);
  });

  regions.forEach((shown, index) => {
    it(`${shown.slide}: ${shown.file} region ${shown.region}`, () => {
      const verdict = verdicts[index];
      expect(verdict?.syntaxError ?? null).toBeNull();
      expect(verdict?.undefined, 'used but neither defined, imported nor listed').toEqual([]);
      expect(verdict?.listedNotAbove, 'listed but not bound above the region').toEqual([]);
      expect(verdict?.listedUnused, 'listed but not used in the region').toEqual([]);
    });
  });
});
