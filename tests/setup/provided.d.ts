// Values the global setups hand to tests through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    redisPort: number;
    amqpUrl: string;
    rabbitPort: number;
    /** Base URL of the built deck served on 127.0.0.1 (browser project). */
    deckUrl: string;
  }
}
