"""Слайд 6: заказ без брокера — клиент ждёт все операции подряд (≈ 2900 мс).

Запуск: cd examples/order_flow && python -m uvicorn sync_app:app
Проверка: curl -X POST localhost:8000/orders -H 'Content-Type: application/json' \
          -d '{"email": "anna@example.com", "product_id": 42}'
"""

from fastapi import FastAPI

from services import (
    Order,
    notify_warehouse,
    save_order,
    send_confirmation_email,
    update_inventory,
)

app = FastAPI(title="Заказы без брокера")


# region: endpoint
# выше в файле: app, Order, save_order, send_confirmation_email,
#   update_inventory, notify_warehouse
@app.post("/orders", status_code=201)
def create_order(order: Order) -> dict:
    order_id = save_order(order)                # 100 мс
    send_confirmation_email(order_id, order)    # 2000 мс
    update_inventory(order_id, order)           # 500 мс
    notify_warehouse(order_id, order)           # 300 мс
    return {"order_id": order_id}               # ответ через ≈ 2900 мс
# endregion
