"""Слайд 12: издатель Redis Pub/Sub.

Запуск: python publisher.py "Заказ 42 оплачен"   [--channel notifications]
"""

import argparse
import os

import redis

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")


def main() -> None:
    parser = argparse.ArgumentParser(description="Публикует сообщение в канал Redis")
    parser.add_argument("message")
    parser.add_argument("--channel", default="notifications")
    args = parser.parse_args()
    r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    channel, message = args.channel, args.message

    # Ответ PUBLISH — сколько подписчиков получили сообщение; 0 — оно пропало.
    # region: publish
    receivers = r.publish(channel, message)  # выше в файле: r, channel, message
    print(f"Доставлено подписчикам: {receivers}")
    # endregion


if __name__ == "__main__":
    main()
