"""FastAPI + Kafka consumer: фоновый поток читает топик events, пока работает приложение.

kafka-python — синхронная библиотека: её цикл чтения блокирует. В корутине
(asyncio.create_task) он остановил бы event loop и все HTTP-запросы, поэтому
consumer живёт в отдельном потоке. Асинхронная альтернатива — aiokafka.

Запуск (нужна Kafka на KAFKA_BOOTSTRAP, см. docker-compose.yml):
    uvicorn fastapi_consumer:app
    curl localhost:8000/stats
"""

import json
import logging
import os
import threading
from collections import Counter
from contextlib import asynccontextmanager
from typing import Any, Callable

from fastapi import FastAPI
from kafka import KafkaConsumer

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092")
TOPIC = os.environ.get("EVENTS_TOPIC", "events")
log = logging.getLogger("events")
stats: Counter[str] = Counter()


def create_consumer() -> KafkaConsumer:
    return KafkaConsumer(
        TOPIC,
        bootstrap_servers=BOOTSTRAP,
        group_id="event-processors",
        auto_offset_reset="earliest",
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
    )


def on_order_created(data: dict[str, Any]) -> None:
    log.info("новый заказ %s", data.get("order_id"))


def on_user_registered(data: dict[str, Any]) -> None:
    log.info("новый пользователь %s", data.get("user_id"))


# region: handlers
HANDLERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "order_created": on_order_created,
    "user_registered": on_user_registered,
}


def handle_event(event: dict[str, Any]) -> None:
    """Маршрутизация по типу события; ошибка одного события не останавливает поток."""
    event_type = event.get("type", "")
    handler = HANDLERS.get(event_type)
    if handler is None:
        log.warning("неизвестный тип события: %s", event_type)
        return
    try:
        handler(event.get("data", {}))
        stats[event_type] += 1
    except Exception:
        log.exception("ошибка обработки события %s", event_type)
# endregion


# region: consumer
# выше в файле: threading, asynccontextmanager, FastAPI,
#   create_consumer, handle_event
# region: loop
def consume_events(stop: threading.Event) -> None:
    consumer = create_consumer()
    while not stop.is_set():  # poll ждёт ≤ 1 с и снова проверяет stop
        for records in consumer.poll(timeout_ms=1000).values():
            for message in records:
                handle_event(message.value)  # ошибки ловит сам
    consumer.close()
# endregion


# region: lifespan
@asynccontextmanager
async def lifespan(app: FastAPI):
    stop = threading.Event()
    worker = threading.Thread(target=consume_events, args=(stop,), daemon=True)
    worker.start()  # не create_task: цикл заблокировал бы event loop
    yield
    stop.set()  # остановка приложения → штатно закрыть consumer
    worker.join(timeout=10)


app = FastAPI(title="Kafka consumer", lifespan=lifespan)
# endregion
# endregion

# FastAPI < 0.93 (например, 0.92 в Debian 12) не знает параметра lifespan= и молча его
# игнорирует; Starlette под ним уже умеет lifespan, подключаем вручную.
if "lifespan" in app.extra:
    app.router.lifespan_context = lifespan


@app.get("/stats")
def get_stats() -> dict[str, int]:
    """Сколько событий каждого типа обработано с момента запуска."""
    return dict(stats)
