"""Клиент: ставит задачу send_email и ждёт результат (воркер — см. tasks.py).

Запуск (из этой папки, при запущенном воркере):
    python client.py

Задачи импортируются из модуля tasks, а не объявляются здесь: у задачи из скрипта,
запущенного как __main__, было бы другое имя, и воркер её бы не узнал.
"""

from tasks import send_email

if __name__ == "__main__":
    to = "anna@example.com"
    # region: delay
    # delay() сразу возвращает AsyncResult
    result = send_email.delay(to, "Заказ принят")
    print("задача:", result.id)
    print(result.get(timeout=30))  # ждём лишь для демо
    # endregion
