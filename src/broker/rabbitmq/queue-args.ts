/**
 * Queue arguments as RabbitMQ 3.10 judges them at queue.declare: a new queue's arguments are
 * validated (rabbit_channel's x-dead-letter-exchange type check, then
 * rabbit_amqqueue:check_declare_arguments), and a redeclare compares only the arguments RabbitMQ
 * knows (rabbit_misc:assert_args_equivalence over rabbit_amqqueue:declare_args()), so an unknown
 * `x-foo` may differ freely. Values are typed as amqplib sends them (see field-value.ts).
 */
import { own } from '../core/record.ts';
import { toTerm } from './field-value.ts';
import { MAX_EXPIRY } from './expiration.ts';

/** The arguments RabbitMQ knows, in rabbit_amqqueue:declare_args() order (checks run in it). */
const KNOWN = [
  'x-expires',
  'x-message-ttl',
  'x-dead-letter-exchange',
  'x-dead-letter-routing-key',
  'x-dead-letter-strategy',
  'x-max-length',
  'x-max-length-bytes',
  'x-max-in-memory-length',
  'x-max-in-memory-bytes',
  'x-max-priority',
  'x-overflow',
  'x-queue-mode',
  'x-queue-version',
  'x-single-active-consumer',
  'x-queue-type',
  'x-quorum-initial-group-size',
  'x-max-age',
  'x-stream-max-segment-size-bytes',
  'x-initial-cluster-size',
  'x-queue-leader-locator',
] as const;

const INTEGER_TYPES = [
  'byte',
  'unsignedbyte',
  'short',
  'unsignedshort',
  'signedint',
  'unsignedint',
  'long',
];

/** ?MAX_SUPPORTED_PRIORITY */
const MAX_PRIORITY = 255;

const OVERFLOW_MODES = ['drop-head', 'reject-publish', 'reject-publish-dlx'];

type Args = Readonly<Record<string, unknown>>;

function present(args: Args, key: string): boolean {
  return own(args, key) !== undefined;
}

/** The reason a validator gives, as Erlang's ~p prints it; undefined when the value is fine. */
function integerProblem(value: unknown, check: (n: number) => string | undefined) {
  const { type } = toTerm(value);
  if (!INTEGER_TYPES.includes(type)) return `"expected integer, got ${type}"`;
  return check(value as number);
}

const nonNegative = (n: number): string | undefined =>
  n < 0 ? `{value_negative,${n}}` : undefined;

/** One validator per argument the model acts on (rabbit_amqqueue's check_*_arg functions). */
const VALIDATORS: Readonly<Record<string, (value: unknown, args: Args) => string | undefined>> = {
  'x-message-ttl': (v) =>
    integerProblem(
      v,
      (n) => nonNegative(n) ?? (n > MAX_EXPIRY ? `{value_too_large,${n}}` : undefined),
    ),
  // x-dead-letter-exchange has no entry: queueArgsError refuses a non-longstr one before these run.
  'x-dead-letter-routing-key': (v, args) => {
    const { type } = toTerm(v);
    if (type !== 'longstr') return `{unacceptable_type,${type}}`;
    return present(args, 'x-dead-letter-exchange') ? undefined : 'routing_key_but_no_dlx_defined';
  },
  'x-max-length': (v) => integerProblem(v, nonNegative),
  'x-max-priority': (v) =>
    integerProblem(
      v,
      (n) => nonNegative(n) ?? (n > MAX_PRIORITY ? `{max_value_exceeded,${n}}` : undefined),
    ),
  'x-overflow': (v) => {
    const { type } = toTerm(v);
    if (type !== 'longstr') return `{unacceptable_type,${type}}`;
    return OVERFLOW_MODES.includes(v as string) ? undefined : 'invalid_overflow';
  },
};

/**
 * Why RabbitMQ would refuse to create queue `queue` with these arguments (the text after
 * `PRECONDITION_FAILED - `), or undefined. Arguments the model does not act on are not checked.
 */
export function queueArgsError(queue: string, declared: object): string | undefined {
  const args = declared as Args;
  const where = `queue '${queue}' in vhost '/'`;
  if (present(args, 'x-dead-letter-exchange')) {
    const { type } = toTerm(args['x-dead-letter-exchange']);
    if (type !== 'longstr')
      return `invalid type '${type}' for arg 'x-dead-letter-exchange' in ${where}`;
  }
  for (const key of KNOWN) {
    const validate = VALIDATORS[key];
    if (!validate || !present(args, key)) continue;
    const problem = validate(args[key], args);
    if (problem !== undefined) return `invalid arg '${key}' for ${where}: ${problem}`;
  }
  return undefined;
}

/** A value as rabbit_misc prints it in an inequivalence message. */
function shown(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Integer types compare as one class (rabbit_misc:type_class); others by their own type. */
function typeClass(type: string): string {
  return INTEGER_TYPES.includes(type) ? 'int' : type;
}

/**
 * The first known argument whose declared value differs from the queue's (the text after
 * `PRECONDITION_FAILED - `), or undefined when they are equivalent.
 */
export function inequivalentArg(
  queue: string,
  queueArgs: object,
  declaredArgs: object,
): string | undefined {
  const current = queueArgs as Args;
  const declared = declaredArgs as Args;
  const where = `queue '${queue}' in vhost '/'`;
  const val = (args: Args, key: string): string =>
    present(args, key)
      ? `the value '${shown(args[key])}' of type '${toTerm(args[key]).type}'`
      : 'none';
  for (const key of KNOWN) {
    const had = present(current, key);
    const has = present(declared, key);
    if (!had && !has) continue;
    if (had && has) {
      const a = toTerm(current[key]);
      const b = toTerm(declared[key]);
      if (
        typeClass(a.type) === typeClass(b.type) &&
        JSON.stringify(a.value) === JSON.stringify(b.value)
      )
        continue;
      return `inequivalent arg '${key}' for ${where}: received '${shown(declared[key])}' but current is '${shown(current[key])}'`;
    }
    return `inequivalent arg '${key}' for ${where}: received ${val(declared, key)} but current is ${val(current, key)}`;
  }
  return undefined;
}
