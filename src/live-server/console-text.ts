/**
 * What `npm run live` prints, as pure functions of their inputs (tested in Node): the laptop's
 * addresses in the hall's network, a listen error in plain Russian, the votes' summary.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import type { QuestionResult } from '../live/session.ts';
import { countOf } from '../lecture/russian.ts';

const PRIVATE_V4 = [/^192\.168\./, /^10\./, /^172\.(1[6-9]|2\d|3[01])\./];
/** Interfaces of containers, VMs and VPNs: phones in the hall are not on them. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|vethernet|utun|tun|tap|wg|zt|tailscale)/i;

/**
 * The laptop's non-internal IPv4 addresses, best first: private networks (a hall's Wi-Fi) on
 * real interfaces, then other addresses, then those of containers, VMs and VPNs, and link-local
 * (169.254.*: no DHCP answered) last.
 */
export function lanAddresses(interfaces: NodeJS.Dict<readonly NetworkInterfaceInfo[]>): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, list] of Object.entries(interfaces))
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      if (found.some((f) => f.address === info.address)) continue;
      const a = info.address;
      const rank = a.startsWith('169.254.')
        ? 3
        : VIRTUAL.test(name)
          ? 2
          : PRIVATE_V4.some((r) => r.test(a))
            ? 0
            : 1;
      found.push({ address: a, rank });
    }
  return found.sort((x, y) => x.rank - y.rank).map((f) => f.address);
}

/** Why the server could not listen, and what to do, in Russian. */
export function listenErrorText(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return (
        `Порт ${port} уже занят: его держит другая программа (может быть, уже запущенный ` +
        `npm run live). Закройте её или выберите другой порт: npm run live -- --port ${port + 1}`
      );
    case 'EACCES':
      return `Нет прав открыть порт ${port}. Выберите порт больше 1024: npm run live -- --port 8080`;
    case 'EADDRNOTAVAIL':
      return `Адреса ${host} у этого компьютера нет. Уберите --host или укажите 0.0.0.0.`;
    default:
      return `Сервер не запустился на ${host}:${port}: ${String(error)}`;
  }
}

/** «5 вопросов, 312 голосов» — the line printed when the server stops. */
export function votesSummary(results: readonly QuestionResult[]): string {
  const votes = results.reduce((sum, r) => sum + r.counts.reduce((a, b) => a + b, 0), 0);
  const questions = results.length;
  return (
    `${countOf(questions, ['вопрос', 'вопроса', 'вопросов'])}, ` +
    `${countOf(votes, ['голос', 'голоса', 'голосов'])}`
  );
}

/** «Телефонов в зале: 12, пульт подключён» — printed when the audience changes. */
export function audienceText(followers: number, remotes: number): string {
  const remote = remotes > 0 ? ', пульт подключён' : '';
  return `Телефонов в зале: ${followers}${remote}`;
}
