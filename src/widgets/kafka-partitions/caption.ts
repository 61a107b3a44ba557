/**
 * The caption: the step's lead and what the last step or action did, derived from the core's
 * events and the group's assignment before and after («consumer-2 упал: через 10 с
 * (session_timeout_ms) партиции 2 и 3 → consumer-1»), short enough for two lines on the stage.
 */
import { recordAt, type KafkaEvent, type KafkaState } from '../../broker/kafka/index.ts';
import { shown } from '../runtime/quote.ts';
import { lastProduced, sessionTimeout, type KafkaFrameView } from './logic.ts';
import { GROUP_A, GROUP_B } from './story.ts';
import { listRu as russianList, pluralWord } from '../../lecture/russian.ts';

/** A key in a caption: at most this many characters (then «…»), isolated when right-to-left. */
const KEY_CHARS = 32;

/** What a caption is told from: the frame's states, events, lead and settings. */
type Told = Pick<KafkaFrameView, 'state' | 'before' | 'events' | 'lead' | 'settings'>;

/** Russian plural form for n: one / few / many. */
export function plural(n: number, one: string, few: string, many: string): string {
  return pluralWord(n, [one, few, many]);
}

/** «2», «1 и 4», «0, 2 и 5». */
export function listRu(items: readonly (string | number)[]): string {
  return russianList(items);
}

/** Runs of consecutive numbers: [0, 1, 2, 5] → ['0–2', '5']; a run of two stays two items. */
export function runs(ps: readonly number[]): string[] {
  const sorted = [...new Set(ps)].sort((x, y) => x - y);
  const out: string[] = [];
  let start = sorted[0];
  let end = start;
  for (const p of [...sorted.slice(1), undefined]) {
    if (p !== undefined && end !== undefined && p === end + 1) {
      end = p;
      continue;
    }
    if (start !== undefined && end !== undefined) {
      if (end - start >= 2) out.push(`${start}–${end}`);
      else for (let i = start; i <= end; i++) out.push(String(i));
    }
    start = p;
    end = p;
  }
  return out;
}

/** Partition numbers for a caption: «1 и 4», «0–15», and past `max` items «0, 2, 4 … (32)». */
export function numbersRu(ps: readonly number[], max = 4): string {
  const items = runs(ps);
  if (items.length <= max) return listRu(items);
  return `${items.slice(0, max - 1).join(', ')} … (всего ${new Set(ps).size})`;
}

/** «партиция 3» / «партиции 1 и 4» / «партиции 0–15». */
export function partitionsRu(ps: readonly number[]): string {
  const one = new Set(ps).size === 1;
  return `${one ? 'партиция' : 'партиции'} ${numbersRu(ps)}`;
}

/** A group's label in a caption (the picture shows the group ids). */
export function groupLabel(groupId: string): string {
  return groupId === GROUP_A ? 'группа A' : groupId === GROUP_B ? 'группа B' : groupId;
}

function owners(state: KafkaState, groupId: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of state.groups[groupId]?.members ?? []) {
    if (!m.alive) continue;
    for (const tp of m.assigned) out.set(tp.partition, m.memberId);
  }
  return out;
}

/** Where `gone`'s partitions went: «партиции 1 и 4 → consumer-1». */
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
    return `${partitionsRu(was)} → ${m}`;
  }
  const shown = [...to].slice(0, 3).map(([m, ps]) => `${numbersRu(ps, 2)} → ${m}`);
  const more = to.size > 3 ? `; ещё ${to.size - 3}` : '';
  return `партиции ${shown.join('; ')}${more}`;
}

function rebalanceFact(r: Told): string | null {
  const assignor = r.settings.assignor;
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
      ? `${assignor}: все отдали и получили заново`
      : `${assignor}: первое назначение`
    : revokedPs.length > 0
      ? `cooperative-sticky, Java-клиент: ${revokedPs.length === 1 ? 'отозвана' : 'отозваны'} только ${partitionsRu(revokedPs)}`
      : 'cooperative-sticky, Java-клиент: никто ничего не отдавал';
  const crashed = ev.find((e) => e.type === 'memberCrashed' || e.type === 'sessionTimeout');
  if (crashed && 'memberId' in crashed) {
    // The coordinator notices a crash only when the member's session times out (GroupCoordinator);
    // kafka-python's consumer sets it with session_timeout_ms (10 s by default in 2.0.2).
    const timedOut = ev.some((e) => e.type === 'sessionTimeout');
    const wait = timedOut ? `через ${sessionTimeout(r.state) / 1000} с (session_timeout_ms) ` : '';
    return `${crashed.memberId} упал: ${wait}${handedOver(r.before, r.state, crashed.memberId)}.`;
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
    .sort(([x], [y]) => x - y)
    .map(([p, m]) => `P${p}: ${was.get(p)} → ${m}`);
  const parts = joined.map((m) => {
    const ps = got(m);
    return ps.length > 0 ? `${m} ← ${numbersRu(ps)}` : `${m} простаивает (партиций не хватило)`;
  });
  // One move is told; many (a big group) are counted: the picture shows who owns what.
  const n = moved.length;
  if (n === 1) parts.push(...moved);
  if (n > 1)
    parts.push(`ещё ${n} ${plural(n, 'партиция', 'партиции', 'партиций')} сменили владельца`);
  return `Ребалансировка (${protocol}): ${parts.join('; ')}.`;
}

/** How keyless records were spread: kafka-python's random pick per record, or sticky batches. */
function keylessHow(batch: number): string {
  return batch === 1 ? ' (каждая — в случайную)' : ` (пачками по ${batch})`;
}

function produceFact(r: Told): string | null {
  const partitions = r.settings.partitions;
  const produced = r.events.filter(
    (e): e is Extract<KafkaEvent, { type: 'produce' }> => e.type === 'produce' && e.offset !== null,
  );
  const last = lastProduced(r.state, r.events);
  if (!last || produced.length === 0) return null;
  if (produced.length === 1) {
    return last.key === null
      ? `Запись без ключа → партиция ${last.partition}, offset ${last.offset} (kafka-python: случайная).`
      : `Запись с ключом ${shown(last.key, KEY_CHARS)} → партиция ${last.partition}, offset ${last.offset}.`;
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

function consumerFact(r: Told): string | null {
  const seek = r.events.find((e) => e.type === 'seek');
  const fetched = r.events.filter(
    (e): e is Extract<KafkaEvent, { type: 'fetch' }> => e.type === 'fetch',
  );
  const read = fetched.reduce((n, e) => n + e.count, 0);
  if (seek && 'groupId' in seek) {
    const tail =
      read > 0 ? ` и перечитала ${read} ${plural(read, 'запись', 'записи', 'записей')}` : '';
    return capitalized(
      `${groupLabel(seek.groupId)} перемотала позицию (seek) на offset ${seek.offset}${tail}.`,
    );
  }
  const commits = r.events.filter(
    (e): e is Extract<KafkaEvent, { type: 'commitOffset' }> => e.type === 'commitOffset',
  );
  if (fetched.length > 0) {
    const groups = [...new Set(fetched.map((e) => e.groupId))];
    return groups
      .map((groupId) => {
        const n = fetched.filter((e) => e.groupId === groupId).reduce((k, e) => k + e.count, 0);
        const committed = commits.some((c) => c.groupId === groupId) ? ' и сделала commit' : '';
        return capitalized(
          `${groupLabel(groupId)} прочитала ${n} ${plural(n, 'запись', 'записи', 'записей')}${committed}.`,
        );
      })
      .join(' ');
  }
  if (commits.length > 0) {
    const offs = commits.flatMap((c) => c.offsets.map((o) => `P${o.partition}=${o.offset}`));
    const more = offs.length > 4 ? ` и ещё ${offs.length - 4}` : '';
    return `${groupLabel(commits[0]?.groupId ?? GROUP_A)}: commit — ${offs.slice(0, 4).join(', ')}${more}.`;
  }
  return null;
}

/** A sentence opening with a group label («группа A…») gets its capital; member ids stay as they are. */
function capitalized(sentence: string): string {
  return /^[а-я]/.test(sentence) ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}

/** Longest caption the stage shows in two lines at 29 px (about 75 characters a line). */
export const MAX_CAPTION = 140;

/**
 * The caption of a frame: the step's lead, then what the core reported, as many facts as fit in
 * {@link MAX_CAPTION} characters (one idea; the picture shows the rest).
 */
export function caption(view: Told): string {
  const facts = [rebalanceFact(view), consumerFact(view), produceFact(view)]
    .filter((x): x is string => x !== null)
    .map(capitalized);
  let text = view.lead;
  for (const fact of facts) {
    const joined = text.length > 0 ? `${text} ${fact}` : fact;
    if (text.length > 0 && joined.length > MAX_CAPTION) break;
    text = joined;
  }
  return text.length > 0
    ? text
    : 'Топик пуст: отправьте запись или нажмите «Шаг ▶» (на слайде — →).';
}
