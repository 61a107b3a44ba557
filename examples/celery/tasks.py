"""Celery-приложение и задачи примеров лекции. Брокер — Redis или RabbitMQ.

Запуск (из этой папки; нужен Redis, для варианта с RabbitMQ — и RabbitMQ):
    celery -A tasks worker --loglevel=INFO                      # воркер с брокером Redis
    CELERY_BROKER_URL=amqp://guest:guest@localhost:5672// \
        celery -A tasks worker --loglevel=INFO                  # тот же воркер на RabbitMQ
    python client.py                                            # поставить задачу и дождаться
"""

import os
import time

from celery import Celery

import payment_gateway as gateway
from idempotency import process_once, r as redis_client

# region: app
# region: celery
# выше в файле: os, Celery
# брокер: redis://localhost:6379/0 или amqp://guest:guest@localhost:5672//
BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "redis://localhost:6379/1")
app = Celery("shop", broker=BROKER_URL, backend=RESULT_BACKEND)
# endregion
app.conf.update(
    task_serializer="json",  # JSON: читается любым языком, безопасен
    # ack после выполнения: задачу воркера, упавшего целиком, брокер вернёт в очередь
    # (RabbitMQ — сразу, Redis — через visibility_timeout, по умолчанию 1 ч)
    task_acks_late=True,
    task_reject_on_worker_lost=True,  # и задачу убитого процесса пула — тоже
    worker_prefetch_multiplier=1,  # не набирать задачи впрок
    task_track_started=True,  # статус STARTED виден клиенту
    result_expires=3600,  # результаты хранятся час
)
# endregion
# Своя очередь по умолчанию — чтобы несколько учебных воркеров не мешали друг другу.
app.conf.task_default_queue = os.environ.get("CELERY_QUEUE", "celery")


# region: task
@app.task(autoretry_for=(ConnectionError,), retry_backoff=True)
def send_email(to: str, subject: str) -> str:  # выше в файле: time, app
    time.sleep(2)  # SMTP ~2 с — поэтому в фоне
    return f"письмо «{subject}» отправлено: {to}"
# endregion


@app.task
def process_order(order_id: int, email: str) -> dict:
    """Обработать заказ и поставить письмо клиенту следующей задачей."""
    send_email.delay(email, f"Заказ №{order_id} принят")
    return {"order_id": order_id, "status": "processed"}


# region: retry
@app.task(bind=True, max_retries=3)  # выше в файле: app, gateway
def charge_card(self, order_id: str, amount: int):
    try:
        return gateway.charge(order_id, amount)
    except gateway.GatewayUnavailable as exc:
        # паузы 1, 2, 4 с, затем FAILURE
        raise self.retry(exc=exc, countdown=2 ** self.request.retries)
# endregion


# region: autoretry
@app.task(autoretry_for=(gateway.GatewayUnavailable,),
          retry_backoff=True,  # потолок паузы 1, 2, 4, 8… с (не выше 600 с)
          retry_jitter=True,  # пауза случайна: от 0 до потолка
          max_retries=5)
def refund_card(order_id: str, amount: int):  # выше в файле: app, gateway
    return gateway.refund(order_id, amount)
# endregion


@app.task
def apply_payment(payment_id: str, account: str, amount: int) -> str:
    """Зачислить платёж ровно один раз, даже если сообщение пришло дважды."""

    def credit() -> None:
        redis_client.incrby(f"balance:{account}", amount)

    return "applied" if process_once(payment_id, credit) else "duplicate"

