#!/bin/sh
# RabbitMQ для разработки в Docker: AMQP на 5672, веб-интерфейс http://localhost:15672 (guest / guest).
# region: docker
docker run -d --name rabbitmq \
  -p 5672:5672 -p 15672:15672 \
  rabbitmq:4-management
# endregion
