/**
 * `npm run live`: builds the deck and serves it to the hall (issue 15 §3). Phones scan the QR code
 * and follow the lecturer's slide; the lecturer opens the printed localhost address with the key.
 * Nothing is written to disk but the build: the votes live in memory until the server stops.
 *
 * Flags: --port 8080, --host 0.0.0.0 (all networks), --no-build (serve the dist/ already built).
 * It always builds first (~8 s) unless told not to: a stale dist/ would show the hall yesterday's
 * slides, and nothing but the build can tell it is stale.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderUnicodeCompact } from 'uqr';
import { build } from 'vite';
import {
  audienceText,
  lanAddresses,
  listenErrorText,
  votesSummary,
} from '../src/live-server/console-text.ts';
import { startLiveServer, type LiveServer } from '../src/live-server/server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '0.0.0.0' },
    'no-build': { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Порт «${values.port}» — не число от 0 до 65535.`);
  process.exit(2);
}
const host = values.host;
const root = resolve(process.env['DECK_OUT_DIR'] ?? 'dist');

if (!values['no-build']) {
  console.log('Собираю лекцию…');
  await build({ logLevel: 'warn', build: { outDir: root, emptyOutDir: true } });
} else if (!existsSync(resolve(root, 'index.html'))) {
  console.error(`В ${root} нет собранной лекции: запустите без --no-build.`);
  process.exit(1);
}

const everywhere = host === '0.0.0.0' || host === '::';
const lan = everywhere ? lanAddresses(networkInterfaces()) : [host];
const publicHost = lan[0] ?? '127.0.0.1';

let pending: ReturnType<typeof setTimeout> | undefined;
let audience = audienceText(0, 0);
const time = (): string => new Date().toLocaleTimeString('ru-RU');

let server: LiveServer;
try {
  server = await startLiveServer({
    root,
    port,
    host,
    publicHost,
    onAudience(followers, remotes) {
      audience = audienceText(followers, remotes);
      // A hall joins in a burst: one line a second at most, with the latest count.
      pending ??= setTimeout(() => {
        pending = undefined;
        console.log(`[${time()}] ${audience}`);
      }, 1_000);
    },
  });
} catch (error) {
  console.error(listenErrorText(error, host, port));
  process.exit(1);
}

console.log('');
console.log('Лекция в режиме зала запущена.');
console.log('');
console.log(`Лектор — откройте на этом ноутбуке:\n  ${server.lecturerUrl}`);
console.log('  (в адресе ключ лектора: не показывайте его залу)');
console.log('');
if (lan.length === 0) {
  console.log('Сеть не найдена: телефоны не подключатся. Подключите ноутбук к Wi-Fi зала и');
  console.log('перезапустите npm run live.');
} else {
  console.log(`Зал — адрес для телефонов (та же сеть Wi-Fi):\n  ${server.joinUrl}`);
  for (const other of lan.slice(1))
    console.log(`  или http://${other}:${server.port}/?live (другая сеть ноутбука)`);
  console.log('');
  console.log(renderUnicodeCompact(server.joinUrl, { border: 2 }));
  console.log('Не открывается на телефоне? Телефон должен быть в той же сети, что и ноутбук');
  console.log(
    `(гостевой Wi-Fi часто разделяет устройства), а брандмауэр — пропускать порт ${server.port}.`,
  );
}
console.log('');
console.log('Пульт для телефона лектора — QR-код в режиме докладчика (клавиша S).');
console.log(`Голоса — таблица CSV, пока сервер работает:\n  ${server.votesUrl}`);
console.log('');
console.log('Остановить: Ctrl+C.');

let warnedAt: number | undefined;
let closing = false;
async function stop(force: boolean): Promise<void> {
  const summary = votesSummary(server.session.results());
  const voted = server.session.results().some((r) => r.counts.some((c) => c > 0));
  // Ctrl+C reaches this process both from the terminal and relayed by npm and tsx: one press
  // can arrive as two signals a few milliseconds apart, so a second within 0.7 s is the same one.
  const sameKeyPress = warnedAt !== undefined && Date.now() - warnedAt < 700;
  if ((sameKeyPress && !force) || closing) return;
  if (voted && !force && warnedAt === undefined) {
    // The votes are only in memory: the first Ctrl+C says where to take them, the second stops.
    warnedAt = Date.now();
    console.log('');
    console.log(`Итоги: ${summary}. Голоса не сохраняются на диск — выгрузите их сейчас:`);
    console.log(`  ${server.votesUrl}`);
    console.log('Нажмите Ctrl+C ещё раз, чтобы остановить сервер.');
    return;
  }
  closing = true;
  console.log('');
  console.log(`Сервер остановлен. Итоги: ${summary}.`);
  if (pending) clearTimeout(pending);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop(false));
process.on('SIGTERM', () => void stop(true));
