/**
 * AMQP field-table values as RabbitMQ sees them after amqplib has encoded a JavaScript value, and
 * Erlang's `==` over them: the rule the headers exchange uses to compare a binding argument with
 * a message header.
 */
import { own } from '../core/record.ts';

/** A value after decoding, as a (type, value) pair like RabbitMQ's {Type, Value}. */
type Term =
  | { readonly type: 'longstr'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'void'; readonly value: null }
  | { readonly type: IntegerType | 'float' | 'double'; readonly value: number }
  | { readonly type: 'array'; readonly value: readonly Term[] }
  | { readonly type: 'table'; readonly value: readonly (readonly [string, Term])[] };

type IntegerType =
  | 'byte'
  | 'unsignedbyte'
  | 'short'
  | 'unsignedshort'
  | 'signedint'
  | 'unsignedint'
  | 'long'
  | 'timestamp';

/** amqplib's names in the typed form `{ '!': name, value }`, mapped to RabbitMQ's type atoms. */
const TYPED_NAMES: Record<string, IntegerType | 'float' | 'double'> = {
  byte: 'byte',
  int8: 'byte',
  unsignedbyte: 'unsignedbyte',
  uint8: 'unsignedbyte',
  short: 'short',
  int16: 'short',
  unsignedshort: 'unsignedshort',
  uint16: 'unsignedshort',
  int: 'signedint',
  int32: 'signedint',
  unsignedint: 'unsignedint',
  uint32: 'unsignedint',
  long: 'long',
  int64: 'long',
  timestamp: 'timestamp',
  float: 'float',
  double: 'double',
  float64: 'double',
};

/** The type amqplib picks for a plain JavaScript number (see isFloatingPoint in amqplib's codec). */
function numberTerm(n: number): Term {
  const floating =
    n >= 0x8000000000000000 || (Math.abs(n) < 0x4000000000000 && Math.floor(n) !== n);
  if (floating) return { type: 'double', value: n };
  if (n >= -128 && n < 128) return { type: 'byte', value: n };
  if (n >= -0x8000 && n < 0x8000) return { type: 'short', value: n };
  if (n >= -0x80000000 && n < 0x80000000) return { type: 'signedint', value: n };
  return { type: 'long', value: n };
}

/** Decodes a JavaScript value the way it reaches RabbitMQ through amqplib. */
export function toTerm(value: unknown): Term {
  switch (typeof value) {
    case 'string':
      return { type: 'longstr', value };
    case 'number':
      return numberTerm(value);
    case 'boolean':
      return { type: 'bool', value };
    case 'object': {
      if (value === null) return { type: 'void', value: null };
      if (Array.isArray(value)) return { type: 'array', value: value.map(toTerm) };
      const record = value as Record<string, unknown>;
      if (Object.hasOwn(record, '!')) {
        const name = String(record['!']);
        const type = own(TYPED_NAMES, name);
        const raw = record['value'];
        if (type === undefined || typeof raw !== 'number') {
          throw new TypeError(`field value: unsupported typed value { '!': '${name}' }`);
        }
        // A 32-bit float only keeps float precision: 0.1 as a float is not 0.1 as a double.
        return { type, value: type === 'float' ? Math.fround(raw) : raw };
      }
      const entries: (readonly [string, Term])[] = [];
      for (const key in record) {
        if (Object.hasOwn(record, key) && record[key] !== undefined) {
          entries.push([key, toTerm(record[key])]);
        }
      }
      return { type: 'table', value: entries };
    }
    default:
      throw new TypeError(`field value: cannot send a ${typeof value} in an AMQP table`);
  }
}

/** Erlang `==` on two values: numbers compare by value whatever their type (1 == 1.0). */
function valueEqual(a: Term, b: Term): boolean {
  const aNumber = typeof a.value === 'number';
  if (aNumber || typeof b.value === 'number') return aNumber && a.value === b.value;
  if (a.type === 'array' && b.type === 'array') {
    // Inside a list Erlang compares {Type, Value} tuples, so the types must agree too.
    return (
      a.value.length === b.value.length &&
      a.value.every((t, i) => {
        const u = b.value[i]; // same length: always there
        return u !== undefined && termEqual(t, u);
      })
    );
  }
  if (a.type === 'table' && b.type === 'table') {
    // Nested tables are not sorted by RabbitMQ: key order matters.
    return (
      a.value.length === b.value.length &&
      a.value.every(([k, t], i) => {
        const other = b.value[i];
        return other !== undefined && other[0] === k && termEqual(t, other[1]);
      })
    );
  }
  if (a.type === 'array' || a.type === 'table' || b.type === 'array' || b.type === 'table')
    return false;
  return a.value === b.value;
}

/** Erlang `==` on {Type, Value} tuples. */
function termEqual(a: Term, b: Term): boolean {
  return a.type === b.type && valueEqual(a, b);
}

/** Whether a binding argument equals a header value as RabbitMQ's headers exchange compares them. */
export function amqpEqual(bindingValue: unknown, headerValue: unknown): boolean {
  if (bindingValue === headerValue && typeof bindingValue !== 'object') {
    // The common case: the same string, number or boolean.
    return true;
  }
  return valueEqual(toTerm(bindingValue), toTerm(headerValue));
}
