"""FastAPI + Celery: endpoint ставит задачу и сразу отвечает, статус — отдельным запросом.

Запуск (из этой папки; воркер — см. tasks.py):
    uvicorn fastapi_app:app --reload
    curl -X POST localhost:8000/orders -H 'Content-Type: application/json' \
         -d '{"order_id": 1, "email": "anna@example.com"}'
    curl localhost:8000/tasks/<task_id>
"""

from typing import Any

from celery.result import AsyncResult
from fastapi import FastAPI
from pydantic import BaseModel

from tasks import app as celery_app, process_order

app = FastAPI(title="Заказы")


class Order(BaseModel):
    order_id: int
    email: str


# region: api
# выше в файле: Any, AsyncResult, app, Order, process_order, celery_app
@app.post("/orders", status_code=202)
def create_order(order: Order) -> dict[str, str]:
    task = process_order.delay(order.order_id, order.email)  # не ждёт выполнения
    return {"task_id": task.id}


@app.get("/tasks/{task_id}")
def task_status(task_id: str) -> dict[str, Any]:
    result = AsyncResult(task_id, app=celery_app)
    body: dict[str, Any] = {"task_id": task_id, "status": result.status}
    if result.ready():  # SUCCESS → результат, FAILURE → ошибка
        body["result"] = result.result if result.successful() else repr(result.result)
    return body
# endregion
