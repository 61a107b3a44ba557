import { describe, expect, it } from 'vitest';
import { INBOX_CAP, type RedisCommand } from '../../../../src/broker/redis/index.ts';
import { repliesOf, run } from './helpers.ts';

const on = (client: string, command: RedisCommand): RedisCommand => ({ ...command, client });

describe('pub/sub', () => {
  it('nobody listening: PUBLISH returns 0 and the message is gone', () => {
    const { events, state } = run([{ type: 'PUBLISH', channel: 'news', message: 'hello' }]);
    expect(repliesOf(events)).toEqual([0]);
    expect(events[0]).toEqual({ type: 'messageDropped', at: 0, channel: 'news', message: 'hello' });
    expect(state.stats.droppedMessages).toBe(1);
  });

  it('a channel plus a matching pattern on one client delivers twice and counts twice', () => {
    const { events, state } = run([
      on('s', { type: 'SUBSCRIBE', channels: ['news.sport'] }),
      on('s', { type: 'PSUBSCRIBE', patterns: ['news.*'] }),
      on('t', { type: 'PSUBSCRIBE', patterns: ['news.*', 'news.*'] }),
      on('p', { type: 'PUBLISH', channel: 'news.sport', message: 'goal' }),
    ]);
    expect(repliesOf(events, 'p')).toEqual([3]);
    expect(state.clients.s?.inbox).toEqual([
      { kind: 'message', channel: 'news.sport', message: 'goal' },
      { kind: 'pmessage', pattern: 'news.*', channel: 'news.sport', message: 'goal' },
    ]);
    expect(repliesOf(events, 't')).toEqual([
      [
        ['psubscribe', 'news.*', 1],
        ['psubscribe', 'news.*', 1],
      ],
    ]);
  });

  it('a subscriber who joins later does not get earlier messages; unsubscribing stops delivery', () => {
    const { state, events } = run([
      on('p', { type: 'PUBLISH', channel: 'c', message: 'early' }),
      on('s', { type: 'SUBSCRIBE', channels: ['c'] }),
      on('p', { type: 'PUBLISH', channel: 'c', message: 'on time' }),
      on('s', { type: 'UNSUBSCRIBE', channels: [] }),
      on('p', { type: 'PUBLISH', channel: 'c', message: 'late' }),
    ]);
    expect(state.clients.s?.inbox.map((m) => m.message)).toEqual(['on time']);
    expect(repliesOf(events, 'p')).toEqual([0, 1, 0]);
    expect(state.channels).toEqual({});
  });

  it('a subscribed connection may only (un)subscribe, as in RESP2', () => {
    const { events } = run([
      on('s', { type: 'SUBSCRIBE', channels: ['c'] }),
      on('s', { type: 'GET', key: 'k' }),
    ]);
    expect(repliesOf(events, 's')[1]).toEqual({
      error:
        "ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
    });
  });

  it('the inbox keeps only the newest INBOX_CAP messages', () => {
    const commands: RedisCommand[] = [on('s', { type: 'SUBSCRIBE', channels: ['c'] })];
    for (let i = 0; i < INBOX_CAP + 10; i++)
      commands.push({ type: 'PUBLISH', channel: 'c', message: `${i}` });
    const inbox = run(commands).state.clients.s?.inbox ?? [];
    expect(inbox).toHaveLength(INBOX_CAP);
    expect(inbox[0]?.message).toBe('10');
  });
});
