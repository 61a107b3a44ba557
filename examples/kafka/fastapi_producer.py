"""FastAPI + Kafka producer: POST /events публикует событие в топик events.

Запуск (нужна Kafka на KAFKA_BOOTSTRAP, см. docker-compose.yml):
    uvicorn fastapi_producer:app --reload
    curl -X POST localhost:8000/events -H 'Content-Type: application/json' \
         -d '{"type": "order_created", "data": {"order_id": 1}}'
"""

import json
import os
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from typing import Any

from fastapi import FastAPI, Request
from kafka import KafkaProducer
from pydantic import BaseModel

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092")
TOPIC = os.environ.get("EVENTS_TOPIC", "events")


def create_producer() -> KafkaProducer:
    return KafkaProducer(
        bootstrap_servers=BOOTSTRAP,
        value_serializer=lambda v: json.dumps(v).encode("utf-8"),
        acks="all",
    )


# region: lifespan
# выше в файле: asynccontextmanager, FastAPI, create_producer
@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.producer = create_producer()  # один producer на всё приложение
    yield
    app.state.producer.close()  # дослать буфер и закрыть соединения


app = FastAPI(title="Kafka events", lifespan=lifespan)
# endregion

# FastAPI < 0.93 (например, 0.92 в Debian 12) не знает параметра lifespan= и молча его
# игнорирует; Starlette под ним уже умеет lifespan, подключаем вручную.
if "lifespan" in app.extra:
    app.router.lifespan_context = lifespan


class Event(BaseModel):
    type: str
    data: dict[str, Any] = {}


# region: endpoint
# выше в файле: datetime, timezone, Any, Request, app, Event, TOPIC
@app.post("/events")
def publish_event(event: Event, request: Request) -> dict[str, Any]:
    # обычный def → пул потоков: get() не блокирует event loop
    timestamp = datetime.now(timezone.utc).isoformat()
    message = {"type": event.type, "data": event.data, "timestamp": timestamp}
    future = request.app.state.producer.send(TOPIC, value=message)
    metadata = future.get(timeout=10)  # ждём подтверждения брокера
    return {"partition": metadata.partition, "offset": metadata.offset}
# endregion
