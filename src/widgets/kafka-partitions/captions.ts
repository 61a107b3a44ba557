/**
 * The caption: what the last step or action did, in words, derived from the core's events and
 * the group's assignment before and after («consumer-2 упал: его партиции 1 и 4 переданы consumer-1
 * (range)»).
 */
import {
  recordAt,
  type AssignorName,
  type KafkaEvent,
  type KafkaState,
} from '../../broker/kafka/index.ts';
import { lastProduced } from './view-model.ts';
import { GROUP_A, GROUP_B } from './scenarios.ts';
import { sessionTimeout, type Replayed } from './session.ts';

/** Russian plural form for n: one / few / many. */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

/** «2», «1 и 4», «0, 2 и 5». */
export function listRu(items: readonly (string | number)[]): string {
  const xs = items.map(String);
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} и ${xs[xs.length - 1]}`;
}

/** «партиция 3» / «партиции 1 и 4». */
export function partitionsRu(ps: readonly number[]): string {
  return `${ps.length === 1 ? 'партиция' : 'партиции'} ${listRu(ps)}`;
}

/** A group's label as the audience sees it. */
export function groupLabel(groupId: string): string {
  return groupId === GROUP_A
    ? `группа A (${GROUP_A})`
    : groupId === GROUP_B
      ? `группа B (${GROUP_B})`
      : groupId;
}

function owners(state: KafkaState, groupId: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of state.groups[groupId]?.members ?? []) {
    if (!m.alive) continue;
    for (const tp of m.assigned) out.set(tp.partition, m.memberId);
  }
  return out;
}

/** Where `gone`'s partitions went: «его партиции 1 и 4 переданы consumer-1». */
function handedOver(before: KafkaState, after: KafkaState, gone: string): string {
  const was = [...owners(before, GROUP_A)].filter(([, m]) => m === gone).map(([p]) => p);
  if (was.length === 0) return 'партиций у него не было';
  const now = owners(after, GROUP_A);
  const to = new Map<string, number[]>();
  for (const p of was.sort((x, y) => x - y)) {
    const m = now.get(p) ?? 'никому';
    to.set(m, [...(to.get(m) ?? []), p]);
  }
  if (to.size === 1) {
    const m = [...to.keys()][0] ?? 'никому';
    return `его ${partitionsRu(was)} ${was.length === 1 ? 'передана' : 'переданы'} ${m}`;
  }
  return `его партиции переданы: ${[...to].map(([m, ps]) => `${listRu(ps)} → ${m}`).join('; ')}`;
}

function rebalanceFact(r: Replayed, assignor: AssignorName): string | null {
  const ev = r.events.filter((e) => 'groupId' in e && e.groupId === GROUP_A);
  if (!ev.some((e) => e.type === 'rebalance')) return null;
  const cooperative = assignor === 'cooperative-sticky';
  const revoked = ev.filter(
    (e): e is Extract<KafkaEvent, { type: 'partitionsRevoked' }> => e.type === 'partitionsRevoked',
  );
  const revokedPs = revoked.flatMap((e) => e.partitions.map((p) => p.partition));
  // An eager rebalance revokes everything first; on a group's first join nobody had anything.
  const hadAny = owners(r.before, GROUP_A).size > 0;
  const protocol = !cooperative
    ? hadAny
      ? `${assignor}: все отдали партиции и получили заново`
      : `${assignor}: первое назначение`
    : revokedPs.length > 0
      ? `cooperative-sticky, Java-клиент: сначала отозваны только ${partitionsRu([...new Set(revokedPs)].sort((x, y) => x - y))}, затем назначены`
      : 'cooperative-sticky, Java-клиент: никто ничего не отдавал';
  const crashed = ev.find((e) => e.type === 'memberCrashed' || e.type === 'sessionTimeout');
  if (crashed && 'memberId' in crashed) {
    // The coordinator notices a crash only when the member's session times out (GroupCoordinator);
    // kafka-python's consumer sets it with session_timeout_ms (10 s by default in 2.0.2).
    const timedOut = ev.some((e) => e.type === 'sessionTimeout');
    const wait = timedOut ? `через session_timeout_ms (${sessionTimeout(r.state) / 1000} с) ` : '';
    return `${crashed.memberId} упал: ${wait}${handedOver(r.before, r.state, crashed.memberId)} (${assignor}).`;
  }
  const left = ev.find((e) => e.type === 'leaveGroup');
  if (left && 'memberId' in left) {
    return `${left.memberId} вышел из группы: ${handedOver(r.before, r.state, left.memberId)} (${protocol}).`;
  }
  const joined = ev
    .filter((e) => e.type === 'joinGroup')
    .map((e) => ('memberId' in e ? e.memberId : ''));
  const mine = owners(r.state, GROUP_A);
  const got = (m: string) =>
    [...mine]
      .filter(([, o]) => o === m)
      .map(([p]) => p)
      .sort((x, y) => x - y);
  const was = owners(r.before, GROUP_A);
  const moved = [...mine]
    .filter(([p, m]) => was.has(p) && was.get(p) !== m && !joined.includes(m))
    .map(([p, m]) => `P${p}: ${was.get(p)} → ${m}`);
  const parts = joined.map((m) => {
    const ps = got(m);
    return ps.length > 0
      ? `${m} ← ${listRu(ps)}`
      : `${m} простаивает (партиций меньше, чем consumer'ов)`;
  });
  parts.push(...moved);
  return `Ребалансировка (${protocol}): ${parts.join('; ')}.`;
}

/** How keyless records were spread: kafka-python's random pick per record, or sticky batches. */
function keylessHow(batch: number): string {
  return batch === 1 ? ' (каждая — в случайную)' : ` (пачками по ${batch})`;
}

function produceFact(r: Replayed, partitions: number): string | null {
  const produced = r.events.filter(
    (e): e is Extract<KafkaEvent, { type: 'produce' }> => e.type === 'produce' && e.offset !== null,
  );
  const last = lastProduced(r.state, r.events);
  if (!last || produced.length === 0) return null;
  if (produced.length === 1) {
    return last.key === null
      ? `Запись без ключа → партиция ${last.partition}, offset ${last.offset} (kafka-python: случайная).`
      : `Запись с ключом ${last.key} → партиция ${last.partition}, offset ${last.offset}.`;
  }
  const keyless =
    r.events.length > 0 &&
    produced.every((e) => {
      const p = r.state.topics[e.topic]?.partitions[e.partition];
      return p !== undefined && recordAt(p, e.offset ?? 0)?.key === null;
    });
  const where = [...new Set(produced.map((e) => e.partition))].sort((x, y) => x - y);
  const n = produced.length;
  return keyless
    ? `${n} ${plural(n, 'запись', 'записи', 'записей')} без ключа → ${partitionsRu(where)}${keylessHow(r.state.config.stickyBatchRecords)}.`
    : `${n} ${plural(n, 'запись', 'записи', 'записей')} → ${partitionsRu(where)} из ${partitions}.`;
}

function consumerFact(r: Replayed): string | null {
  const seek = r.events.find((e) => e.type === 'seek');
  const fetched = r.events.filter(
    (e): e is Extract<KafkaEvent, { type: 'fetch' }> => e.type === 'fetch',
  );
  const read = fetched.reduce((n, e) => n + e.count, 0);
  if (seek && 'groupId' in seek) {
    const tail =
      read > 0 ? ` и перечитала ${read} ${plural(read, 'запись', 'записи', 'записей')}` : '';
    return `Replay: ${groupLabel(seek.groupId)} перемотала позицию (seek) на offset ${seek.offset}${tail}.`;
  }
  const commits = r.events.filter(
    (e): e is Extract<KafkaEvent, { type: 'commitOffset' }> => e.type === 'commitOffset',
  );
  if (fetched.length > 0) {
    const groups = [...new Set(fetched.map((e) => e.groupId))];
    return groups
      .map((groupId) => {
        const n = fetched.filter((e) => e.groupId === groupId).reduce((k, e) => k + e.count, 0);
        const committed = commits.some((c) => c.groupId === groupId)
          ? ' и зафиксировала offsets (commit)'
          : '';
        return capitalized(
          `${groupLabel(groupId)} прочитала ${n} ${plural(n, 'запись', 'записи', 'записей')}${committed}.`,
        );
      })
      .join(' ');
  }
  if (commits.length > 0) {
    const offs = commits.flatMap((c) => c.offsets.map((o) => `P${o.partition}=${o.offset}`));
    return `${groupLabel(commits[0]?.groupId ?? GROUP_A)}: commit — ${offs.join(', ')}.`;
  }
  return null;
}

/** A sentence opening with a group label («группа A…») gets its capital; member ids stay as they are. */
function capitalized(sentence: string): string {
  return /^[а-я]/.test(sentence) ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}

/** The caption for a replayed frame: the step's lead plus what the core reported. */
export function captionFor(r: Replayed, assignor: AssignorName, partitions: number): string {
  const facts = [rebalanceFact(r, assignor), produceFact(r, partitions), consumerFact(r)].filter(
    (x): x is string => x !== null,
  );
  const upper = facts.map(capitalized);
  const text = [r.lead, ...upper.slice(0, 2)].filter((x) => x.length > 0).join(' ');
  return text.length > 0
    ? text
    : 'Топик пуст: отправьте запись или нажмите «Шаг ▶» (на слайде — →).';
}
