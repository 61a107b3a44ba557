/**
 * The argv a real client would send for a command, e.g. `['LPUSH', 'queue', 'a', 'b']`. Events
 * carry it so a widget can print the command, and the differential tests send it to a real Redis.
 */
import { argText } from './integers.ts';
import type { RedisCommand } from './types.ts';

/** The wire form of a Redis command; simulation actions (advance, crash…) have none. */
export function argvOf(command: RedisCommand): string[] {
  switch (command.type) {
    case 'SET': {
      const argv = ['SET', command.key, command.value];
      if (command.nx) argv.push('NX');
      if (command.xx) argv.push('XX');
      if (command.get) argv.push('GET');
      if (command.ex !== undefined) argv.push('EX', argText(command.ex));
      if (command.px !== undefined) argv.push('PX', argText(command.px));
      if (command.keepTtl) argv.push('KEEPTTL');
      return argv;
    }
    case 'GET':
    case 'INCR':
    case 'TTL':
    case 'PTTL':
    case 'TYPE':
    case 'HGETALL':
    case 'LLEN':
      return [command.type, command.key];
    case 'SETEX':
      return ['SETEX', command.key, argText(command.seconds), command.value];
    case 'EXPIRE':
      return ['EXPIRE', command.key, argText(command.seconds)];
    case 'DEL':
    case 'EXISTS':
      return [command.type, ...command.keys];
    case 'HSET':
      return ['HSET', command.key, ...command.fields.flat()];
    case 'HGET':
      return ['HGET', command.key, command.field];
    case 'HDEL':
      return ['HDEL', command.key, ...command.fields];
    case 'LPUSH':
    case 'RPUSH':
      return [command.type, command.key, ...command.values];
    case 'LPOP':
    case 'RPOP':
      return command.count === undefined
        ? [command.type, command.key]
        : [command.type, command.key, argText(command.count)];
    case 'LRANGE':
      return ['LRANGE', command.key, argText(command.start), argText(command.stop)];
    case 'LREM':
      return ['LREM', command.key, argText(command.count), command.value];
    case 'LMOVE':
      return ['LMOVE', command.source, command.destination, command.from, command.to];
    case 'BRPOP':
    case 'BLPOP':
      return [command.type, ...command.keys, argText(command.timeout)];
    case 'BLMOVE':
      return [
        'BLMOVE',
        command.source,
        command.destination,
        command.from,
        command.to,
        argText(command.timeout),
      ];
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE':
      return [command.type, ...command.channels];
    case 'PSUBSCRIBE':
    case 'PUNSUBSCRIBE':
      return [command.type, ...command.patterns];
    case 'PUBLISH':
      return ['PUBLISH', command.channel, command.message];
    case 'advance':
    case 'finishTask':
    case 'crash':
      return [];
  }
}
