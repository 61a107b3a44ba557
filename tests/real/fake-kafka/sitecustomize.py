"""A file-backed stand-in for a Kafka broker, for running the lecture's Kafka examples here.

No Kafka server can run on this machine, so the tests put this directory first on PYTHONPATH:
Python imports this sitecustomize at startup (before the example), and it replaces
kafka.KafkaProducer and kafka.KafkaConsumer with the small classes below. Everything else in
the `kafka` package stays kafka-python's own: the config keys each class accepts are read from
kafka-python's DEFAULT_CONFIG (an unknown key fails as it does there), and records and metadata
are kafka-python's RecordMetadata, ConsumerRecord and TopicPartition.

The "broker" is the directory FAKE_KAFKA_DIR: one JSON line per record in <topic>.jsonl
(one partition, offsets 0, 1, 2, …), shared by every process of a test, so a producer app and a
consumer app in two uvicorn processes see the same topic. Every client call the tests care about
(init, send, poll, commit, close) is appended to client-calls.log (not a .jsonl: a topic may be called "events") with the process id.

Shadowing Debian's sitecustomize only drops its apport crash hook for these test processes.
"""

import base64
import fcntl
import json
import os
import time

import kafka
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaConfigurationError
from kafka.producer.future import RecordMetadata
from kafka.structs import TopicPartition

_REAL_PRODUCER = kafka.KafkaProducer
_REAL_CONSUMER = kafka.KafkaConsumer
_DIR = os.environ.get("FAKE_KAFKA_DIR", "")


def _event(client, event, **details):
    with open(os.path.join(_DIR, "client-calls.log"), "a", encoding="utf-8") as log:
        log.write(json.dumps({"pid": os.getpid(), "client": client, "event": event, **details}) + "\n")


def _topic_path(topic):
    return os.path.join(_DIR, f"{topic}.jsonl")


def _encode(data):
    return None if data is None else base64.b64encode(data).decode("ascii")


def _decode(data):
    return None if data is None else base64.b64decode(data)


class _SentFuture:
    """What KafkaProducer.send returns: get() gives the record's metadata."""

    def __init__(self, metadata):
        self._metadata = metadata

    def get(self, timeout=None):
        return self._metadata


class FakeKafkaProducer:
    def __init__(self, **configs):
        unknown = set(configs).difference(_REAL_PRODUCER.DEFAULT_CONFIG)
        # kafka-python's own check (KafkaProducer.__init__): an AssertionError.
        assert not unknown, f"Unrecognized configs: {unknown}"
        self.config = {**_REAL_PRODUCER.DEFAULT_CONFIG, **configs}
        self._closed = False
        _event("producer", "init", acks=configs.get("acks"))

    def send(self, topic, value=None, key=None, headers=None, partition=None, timestamp_ms=None):
        assert not self._closed, "send after close"
        value_bytes = value if self.config["value_serializer"] is None else self.config["value_serializer"](value)
        key_bytes = key if self.config["key_serializer"] is None or key is None else self.config["key_serializer"](key)
        for name, data in (("value", value_bytes), ("key", key_bytes)):
            if data is not None and not isinstance(data, bytes):
                # kafka-python refuses the same (no serializer given for a str or dict).
                raise TypeError(f"{name} must be bytes after serialization, got {type(data).__name__}")
        timestamp = timestamp_ms if timestamp_ms is not None else int(time.time() * 1000)
        with open(_topic_path(topic), "a+", encoding="utf-8") as log:
            fcntl.flock(log, fcntl.LOCK_EX)
            log.seek(0)
            offset = sum(1 for _ in log)
            log.write(json.dumps({"offset": offset, "timestamp": timestamp,
                                  "key": _encode(key_bytes), "value": _encode(value_bytes)}) + "\n")
        _event("producer", "send", topic=topic, offset=offset)
        metadata = RecordMetadata(topic, 0, TopicPartition(topic, 0), offset, timestamp, 0, None,
                                  -1 if key_bytes is None else len(key_bytes),
                                  -1 if value_bytes is None else len(value_bytes), -1)
        return _SentFuture(metadata)

    def flush(self, timeout=None):
        pass

    def close(self, timeout=None):
        self._closed = True
        _event("producer", "close")


class FakeKafkaConsumer:
    def __init__(self, *topics, **configs):
        unknown = set(configs).difference(_REAL_CONSUMER.DEFAULT_CONFIG)
        if unknown:
            raise KafkaConfigurationError(f"Unrecognized configs: {unknown}")
        self.config = {**_REAL_CONSUMER.DEFAULT_CONFIG, **configs}
        self._topics = list(topics)
        reset = self.config["auto_offset_reset"]
        self._positions = {t: 0 if reset == "earliest" else self._end(t) for t in self._topics}
        self._consumed = dict(self._positions)
        self._buffer = []
        self._closed = False
        _event("consumer", "init", topics=self._topics, group_id=self.config["group_id"],
               auto_offset_reset=reset, enable_auto_commit=self.config["enable_auto_commit"])

    @staticmethod
    def _read(topic):
        try:
            with open(_topic_path(topic), encoding="utf-8") as log:
                return [json.loads(line) for line in log if line.endswith("\n")]
        except FileNotFoundError:
            return []

    def _end(self, topic):
        return len(self._read(topic))

    def _fetch(self):
        batch = {}
        for topic in self._topics:
            records = self._read(topic)[self._positions[topic]:]
            if records:
                deserialize = self.config["value_deserializer"] or (lambda b: b)
                key_deserialize = self.config["key_deserializer"] or (lambda b: b)
                batch[TopicPartition(topic, 0)] = [
                    ConsumerRecord(topic, 0, r["offset"], r["timestamp"], 0,
                                   None if r["key"] is None else key_deserialize(_decode(r["key"])),
                                   deserialize(_decode(r["value"])), [], None, -1, -1, -1)
                    for r in records
                ]
                self._positions[topic] += len(records)
                self._consumed[topic] = self._positions[topic]
        return batch

    def poll(self, timeout_ms=0, max_records=None, update_offsets=True):
        assert not self._closed, "poll after close"
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            batch = self._fetch()
            if batch or time.monotonic() >= deadline:
                if batch:
                    _event("consumer", "poll", records=sum(len(r) for r in batch.values()))
                return batch
            time.sleep(0.05)

    def __iter__(self):
        return self

    def __next__(self):
        while not self._buffer:
            for records in self.poll(timeout_ms=100).values():
                self._buffer.extend(records)
        record = self._buffer.pop(0)
        self._consumed[record.topic] = record.offset + 1
        return record

    def commit(self, offsets=None):
        # What a commit stores: the position after the last record handed to the program.
        _event("consumer", "commit", positions=dict(self._consumed))

    def close(self, autocommit=True):
        self._closed = True
        _event("consumer", "close")


kafka.KafkaProducer = FakeKafkaProducer
kafka.KafkaConsumer = FakeKafkaConsumer
