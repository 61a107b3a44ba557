"""FastAPI + RabbitMQ: эндпоинт ставит задачу в durable-очередь и сразу отвечает 202.

Запуск: uvicorn fastapi_app:app --reload
Проверка: curl -X POST localhost:8000/tasks -H 'Content-Type: application/json' \
               -d '{"email": "user@example.com", "subject": "Заказ принят"}'
"""

import json
import logging
import os
import threading
import uuid
from contextlib import asynccontextmanager

import pika
from fastapi import FastAPI, HTTPException
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
QUEUE = os.environ.get("QUEUE", "tasks")
log = logging.getLogger("tasks-api")


class Publisher:
    """Одно долгоживущее соединение на процесс вместо нового на каждый запрос.

    pika не потокобезопасна, а синхронные эндпоинты FastAPI выполняются в пуле потоков,
    поэтому публикация идёт под замком. Оборванное соединение (рестарт брокера, простой
    дольше heartbeat) переоткрывается один раз.
    """

    def __init__(self, url: str) -> None:
        self._params = pika.URLParameters(url)
        self._lock = threading.Lock()
        self._connection = None
        self._channel = None

    def connect(self) -> None:
        with self._lock:
            self._open()

    def _open(self) -> None:
        self._connection = pika.BlockingConnection(self._params)
        self._channel = self._connection.channel()
        self._channel.confirm_delivery()  # basic_publish ждёт подтверждения брокера
        self._channel.queue_declare(queue=QUEUE, durable=True)

    def publish(self, message: dict) -> None:
        body = json.dumps(message)
        properties = pika.BasicProperties(delivery_mode=2, content_type="application/json")
        with self._lock:
            for attempt in (1, 2):
                try:
                    if self._channel is None or self._channel.is_closed:
                        self._open()
                    self._channel.basic_publish("", QUEUE, body, properties)
                    return
                except pika.exceptions.AMQPError:
                    self._close_quietly()
                    if attempt == 2:
                        raise

    def close(self) -> None:
        with self._lock:
            self._close_quietly()

    def _close_quietly(self) -> None:
        if self._connection is not None and self._connection.is_open:
            try:
                self._connection.close()
            except pika.exceptions.AMQPError:
                pass  # соединение уже мертво — закрывать нечего
        self._connection = self._channel = None


publisher = Publisher(AMQP_URL)


# region: lifespan
@asynccontextmanager
async def lifespan(app: FastAPI):
    publisher.connect()  # одно соединение на процесс — при старте
    yield
    publisher.close()


app = FastAPI(lifespan=lifespan)
# endregion

# FastAPI < 0.93 (например, 0.92 в Debian 12) не знает параметра lifespan= и молча его
# игнорирует; Starlette под ним уже умеет lifespan, подключаем вручную.
if "lifespan" in app.extra:
    app.router.lifespan_context = lifespan


class TaskIn(BaseModel):
    type: str = "send_email"
    email: str
    subject: str


# region: endpoint
# выше в файле: uuid, jsonable_encoder, app, TaskIn, publisher, log
@app.post("/tasks", status_code=202)
def create_task(task: TaskIn) -> dict:
    message = {"task_id": str(uuid.uuid4()), **jsonable_encoder(task)}
    try:
        publisher.publish(message)  # persistent: delivery_mode=2
    except pika.exceptions.AMQPError as error:  # выше в файле: pika, HTTPException
        raise HTTPException(503, "Очередь недоступна, повторите позже") from error
    log.info("В очереди задача %s", message["task_id"])
    return {"task_id": message["task_id"], "status": "queued"}
# endregion
