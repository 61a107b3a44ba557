/**
 * «Весь файл»: a code block included from a file names it and carries the button; the lecture's
 * example files ship once each (however many blocks show them), byte for byte as on disk, through
 * the pure module builder and through the Vite plugin's `virtual:lecture-examples`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/pipeline/build-deck.ts';
import { renderCodeBlock } from '../../../src/pipeline/code-block.ts';
import {
  EXAMPLES_MODULE_ID,
  exampleFilesModule,
  readExampleFiles,
} from '../../../src/pipeline/example-files.ts';
import { readSlides, repoFileReader } from '../../../src/pipeline/read-slides.ts';
import { lectureDeck } from '../../../src/pipeline/vite-plugin.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const readFile = repoFileReader(root);
const deck = buildDeck(readSlides(root, 'slides'), {
  slidesDir: 'slides',
  readFile,
  lectureMinutes: 90,
});
/** The `data-file` of every code block of the lecture, one entry per block. */
const blockFiles = [
  ...deck.html.matchAll(/<div class="code-block"[^>]*\bdata-file="([^"]*)"/g),
].map((m) => m[1] ?? '');

/** The module's exports, as the browser would get them. */
async function evaluate(code: string): Promise<Record<string, string>> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    exampleFiles: Record<string, string>;
  };
  return module.exampleFiles;
}

const onDisk = (path: string): Buffer => readFileSync(join(root, path));

describe('code blocks name their file and offer «Весь файл»', () => {
  it('a block from a file carries data-file and a copy-file button labelled with the path', () => {
    const html = renderCodeBlock({
      code: 'x = 1',
      lang: 'python',
      file: 'examples/redis/basics.py',
      steps: [],
    });
    expect(html).toContain('data-file="examples/redis/basics.py"');
    expect(html).toContain('<span class="code-block__file">examples/redis/basics.py</span>');
    expect(html).toMatch(
      /<button type="button" name="copy-file" class="code-copy code-copy--file" aria-label="Копировать весь файл examples\/redis\/basics\.py в буфер обмена">Весь файл<\/button>/,
    );
    expect(html).toContain('name="copy" class="code-copy"');
  });

  it('a block written on the slide has «Копировать» only', () => {
    const html = renderCodeBlock({ code: 'redis-cli PING', lang: 'bash', file: null, steps: [] });
    expect(html).not.toContain('copy-file');
    expect(html).not.toContain('data-file');
    expect(html).toContain('>Копировать</button>');
  });

  it('every included block of the lecture carries its path, and only included paths', () => {
    expect(blockFiles.length).toBeGreaterThan(20);
    expect(new Set(blockFiles)).toEqual(new Set(deck.included));
  });
});

describe('the example files module', () => {
  it('holds each included file once, byte for byte as on disk', async () => {
    const files = readExampleFiles(deck.included, readFile);
    const code = exampleFilesModule(files);
    const shipped = await evaluate(code);
    expect(Object.keys(shipped).sort()).toEqual([...deck.included].sort());
    for (const [path, text] of Object.entries(shipped)) {
      expect(Buffer.from(text, 'utf8').equals(onDisk(path)), path).toBe(true);
      expect(code.split(JSON.stringify(text)).length - 1, `${path} appears once`).toBe(1);
    }
  });

  it('keeps texts exactly: CRLF, a BOM, quotes, backslashes, `${}` and non-ASCII survive', async () => {
    const tricky = '\uFEFFa = "x\\n"\r\nb = `${c}` # «ё» \u2028\n</script>\n';
    const shipped = await evaluate(exampleFilesModule(new Map([['examples/t.py', tricky]])));
    expect(shipped).toEqual({ 'examples/t.py': tricky });
  });

  it('a file several blocks show is read and shipped once', () => {
    const reads: string[] = [];
    const files = readExampleFiles(['b.py', 'a.py', 'b.py', 'b.py'], (path) => {
      reads.push(path);
      return `# ${path}\n`;
    });
    expect([...files.keys()]).toEqual(['a.py', 'b.py']);
    expect(reads.sort()).toEqual(['a.py', 'b.py']);
    expect(exampleFilesModule(files).split('# b.py').length - 1).toBe(1);
  });

  it('refuses a file that vanished after the slides included it', () => {
    expect(() => readExampleFiles(['examples/nope.py'], () => null)).toThrow(/nope\.py vanished/);
  });

  it('is served by the Vite plugin as virtual:lecture-examples with every included file', async () => {
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      appType: 'custom',
      plugins: [lectureDeck()],
      server: { middlewareMode: true, hmr: false, watch: null },
    });
    try {
      const module = (await server.ssrLoadModule(EXAMPLES_MODULE_ID)) as {
        exampleFiles: Record<string, string>;
      };
      expect(Object.keys(module.exampleFiles).sort()).toEqual([...deck.included].sort());
      for (const [path, text] of Object.entries(module.exampleFiles))
        expect(Buffer.from(text, 'utf8').equals(onDisk(path)), path).toBe(true);
    } finally {
      await server.close();
    }
  });
});
