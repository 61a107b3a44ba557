"""Слайд 14: FastAPI ставит задачу «отправить письмо» в очередь Redis и сразу отвечает.

Запуск: cd examples/redis && python -m uvicorn email_queue_api:app
        python email_worker.py   (в другом терминале)
Проверка: curl -X POST localhost:8000/emails -H 'Content-Type: application/json' \
          -d '{"to": "anna@example.com", "subject": "Заказ принят", "body": "Спасибо!"}'
"""

import json
import os
import uuid

import redis
from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")

app = FastAPI(title="Письма через очередь Redis")
queue = redis.Redis.from_url(REDIS_URL, decode_responses=True)


class Email(BaseModel):
    to: str
    subject: str
    body: str


# region: endpoint
# выше в файле: json, uuid, jsonable_encoder, app, queue, Email
@app.post("/emails", status_code=202)
def send_email(email: Email) -> dict:
    task = {"id": uuid.uuid4().hex, **jsonable_encoder(email)}
    queue.lpush("email_queue", json.dumps(task))  # в очередь — и сразу ответ
    return {"task_id": task["id"], "status": "queued"}
# endregion
