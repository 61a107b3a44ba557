import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  audienceText,
  lanAddresses,
  listenErrorText,
  votesSummary,
} from '../../../src/live-server/console-text.ts';
import { votesCsv } from '../../../src/live-server/votes-csv.ts';

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:00',
    internal,
    cidr: `${address}/24`,
  };
}

describe('lanAddresses', () => {
  it('keeps non-internal IPv4: private Wi-Fi first, containers and VPNs after, link-local last', () => {
    const v6: NetworkInterfaceInfo = {
      address: 'fe80::1',
      netmask: 'ffff:ffff:ffff:ffff::',
      family: 'IPv6',
      mac: '00:00:00:00:00:00',
      internal: false,
      cidr: 'fe80::1/64',
      scopeid: 2,
    };
    const found = lanAddresses({
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      eth1: [v4('169.254.3.4')],
      eth0: [v4('203.0.113.7'), v6],
      wlan0: [v4('192.168.1.23'), v4('192.168.1.23')],
      tailscale0: [v4('100.64.0.9')],
    });
    expect(found).toEqual([
      '192.168.1.23',
      '203.0.113.7',
      '172.17.0.1',
      '100.64.0.9',
      '169.254.3.4',
    ]);
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
  });
});

describe('console texts', () => {
  it('says in Russian which port is taken and what to do', () => {
    const text = listenErrorText(
      Object.assign(new Error('x'), { code: 'EADDRINUSE' }),
      '0.0.0.0',
      8080,
    );
    expect(text).toContain('Порт 8080 уже занят');
    expect(text).toContain('--port 8081');
  });

  it('counts questions and votes with Russian plurals', () => {
    const result = (counts: number[]) => ({
      question: 'q',
      text: 'Вопрос',
      choices: counts.map(String),
      counts,
      answer: undefined,
    });
    expect(votesSummary([])).toBe('0 вопросов, 0 голосов');
    expect(votesSummary([result([1, 0])])).toBe('1 вопрос, 1 голос');
    expect(votesSummary([result([1, 1]), result([10, 2])])).toBe('2 вопроса, 14 голосов');
    expect(audienceText(12, 1)).toBe('Телефонов в зале: 12, пульт подключён');
  });
});

describe('votesCsv', () => {
  it('writes a BOM, a header and one quoted row per question and choice', () => {
    const csv = votesCsv([
      {
        question: 'redis-1',
        text: 'Что вернёт "GET", если ключа нет?',
        choices: ['nil', 'ошибку; как обычно'],
        counts: [7, 3],
        answer: 0,
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Вопрос (id);Вопрос;Вариант;Текст варианта;Голосов;Верный',
      'redis-1;"Что вернёт ""GET"", если ключа нет?";1;nil;7;да',
      'redis-1;"Что вернёт ""GET"", если ключа нет?";2;"ошибку; как обычно";3;нет',
      '',
    ]);
  });
});
