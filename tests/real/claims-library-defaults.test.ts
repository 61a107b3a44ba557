/**
 * The library defaults the fact-checks quote, read from the libraries installed here (Debian 12:
 * kafka-python 2.0.2, Celery 5.2, kombu 5.2): slide 31 (kafka-python acks=1, retries=0, no
 * idempotent producer), slide 32 (auto-commit on, every 5 s; auto_offset_reset latest unless set),
 * slides 37–39 and 41 (max_retries 3, retry_backoff_max 600, retry_jitter on, result_expires one
 * day, acks_late off, acks_on_failure_or_timeout on, Redis visibility_timeout one hour).
 * Sources: kafka/producer/kafka.py and kafka/consumer/group.py (DEFAULT_CONFIG);
 * celery/app/task.py, celery/app/autoretry.py, celery/app/defaults.py; kombu/transport/redis.py.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const READ_DEFAULTS = `
import inspect, json
import celery, kafka
import celery.app.autoretry as autoretry
from celery import Celery
from celery.app.task import Task
from kafka import KafkaConsumer, KafkaProducer
from kombu.transport.redis import Channel

app = Celery()
retry_source = inspect.getsource(autoretry).replace('"', "'")
print(json.dumps({
    "kafka_python": kafka.__version__,
    "producer_acks": KafkaProducer.DEFAULT_CONFIG["acks"],
    "producer_retries": KafkaProducer.DEFAULT_CONFIG["retries"],
    "producer_idempotence": "enable_idempotence" in KafkaProducer.DEFAULT_CONFIG,
    "auto_commit": KafkaConsumer.DEFAULT_CONFIG["enable_auto_commit"],
    "auto_commit_interval_ms": KafkaConsumer.DEFAULT_CONFIG["auto_commit_interval_ms"],
    "auto_offset_reset": KafkaConsumer.DEFAULT_CONFIG["auto_offset_reset"],
    "celery": celery.__version__,
    "max_retries": Task.max_retries,
    "retry_backoff_max_600": "'retry_backoff_max', 600" in retry_source,
    "retry_jitter_default_true": "'retry_jitter', True" in retry_source,
    "result_expires_s": app.conf.result_expires.total_seconds(),
    "task_acks_late": app.conf.task_acks_late,
    "acks_on_failure_or_timeout": app.conf.task_acks_on_failure_or_timeout,
    "redis_visibility_timeout_s": Channel.visibility_timeout,
}))
`;

function readDefaults(): Record<string, unknown> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['PYTHONHOME'];
  delete env['PYTHONPATH'];
  const run = spawnSync('/usr/bin/python3', ['-c', READ_DEFAULTS], { encoding: 'utf8', env });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('library defaults quoted by the fact-checks, as installed here', () => {
  const d = readDefaults();

  it('slide 31: kafka-python 2.0.2 defaults to acks=1 and retries=0, with no idempotent producer', () => {
    expect(d['kafka_python']).toBe('2.0.2');
    expect(d['producer_acks']).toBe(1);
    expect(d['producer_retries']).toBe(0);
    expect(d['producer_idempotence']).toBe(false);
  });

  it('slide 32: auto-commit is on by default, every 5 s; without the example’s setting a new group starts at latest', () => {
    expect(d['auto_commit']).toBe(true);
    expect(d['auto_commit_interval_ms']).toBe(5000);
    expect(d['auto_offset_reset']).toBe('latest');
  });

  it('slides 37–39, 41: Celery retries 3 times, backoff up to 600 s with jitter, results kept a day, early ack, a failed task acked', () => {
    expect(d['max_retries']).toBe(3);
    expect(d['retry_backoff_max_600']).toBe(true);
    expect(d['retry_jitter_default_true']).toBe(true);
    expect(d['result_expires_s']).toBe(86_400);
    expect(d['task_acks_late']).toBe(false);
    expect(d['acks_on_failure_or_timeout']).toBe(true);
  });

  it('slides 37, 38: the Redis transport waits an hour (visibility_timeout) before giving an unacked task back', () => {
    expect(d['redis_visibility_timeout_s']).toBe(3600);
  });
});
