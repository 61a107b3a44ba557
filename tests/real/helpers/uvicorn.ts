/**
 * Serves one of the lecture's FastAPI apps the way a student runs it — `python3 -m uvicorn
 * module:app` with Debian's Python — on a free 127.0.0.1 port, and talks to it over real HTTP.
 * Stopping sends Ctrl+C (SIGINT), so uvicorn runs the app's shutdown before it exits.
 */
import { freePort } from '../../setup/servers.ts';
import { startPython, type PythonProcess, type PythonResult } from './python.ts';

/** A running app: its base URL, JSON requests to it, and a clean stop. */
export interface ServedApp {
  readonly url: string;
  readonly process: PythonProcess;
  /** Sends a request (JSON body when given) and returns the status and the parsed JSON answer. */
  request(method: string, path: string, body?: unknown): Promise<HttpAnswer>;
  /** Ctrl+C; resolves with what uvicorn and the app printed. */
  stop(): Promise<PythonResult>;
}

/** One HTTP answer. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly seconds: number;
}

/** What `serve` needs: the example's folder and module, the environment it reads. */
export interface ServeOptions {
  readonly cwd: string;
  readonly module: string;
  readonly env?: Readonly<Record<string, string>>;
}

const STARTED = /Application startup complete\./;
// uvicorn runs the app's startup before it binds the socket: only this line means "listening".
const LISTENING = /Uvicorn running on http:\/\/127\.0\.0\.1:\d+/;
const STARTUP_FAILED = /Application startup failed/;

/** Starts uvicorn and resolves once the app's startup ran and the socket listens. */
export async function serve(options: ServeOptions): Promise<ServedApp> {
  // The free port may be taken by another program before uvicorn binds it: try another one.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const started = await startOn(await freePort(), options);
    if (started !== 'port taken') return started;
  }
  throw new Error(`${options.module}:app found no free port in 3 attempts`);
}

async function startOn(port: number, options: ServeOptions): Promise<ServedApp | 'port taken'> {
  const process = startPython(
    ['-m', 'uvicorn', `${options.module}:app`, '--host', '127.0.0.1', '--port', String(port)],
    { cwd: options.cwd, env: options.env ?? {}, timeoutMs: 110_000 },
  );
  const deadline = Date.now() + 30_000;
  // uvicorn logs to stderr.
  while (!STARTED.test(process.stderr) || !LISTENING.test(process.stderr)) {
    const exited = process.child.exitCode !== null || process.child.signalCode !== null;
    if (exited || STARTUP_FAILED.test(process.stderr) || Date.now() > deadline) {
      await process.stop();
      if (/address already in use/i.test(process.stderr)) return 'port taken';
      throw new Error(`${options.module}:app did not start:\n${process.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    process,
    async request(method, path, body) {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      const seconds = (performance.now() - started) / 1000;
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (uvicorn's plain "Internal Server Error"): keep the text
      }
      return { status: response.status, body: parsed, seconds };
    },
    stop: () => process.stop(15_000),
  };
}
