/** The settings of Redis: the bus between nodes and the namespace of every key. */
import { optional, parseRedisPrefix, type Parsed } from './parsers.js';

/** Read by `SETTINGS` in schema.ts, which lists them with the others. */
export const REDIS_SETTINGS = [
  {
    env: 'REDIS_URL',
    key: 'redisUrl',
    description: 'Redis URL for the bus between nodes; unset = in-process bus',
    defaultText: '(unset)',
    parse: optional(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL'),
  },
  {
    env: 'ATTUNE_REDIS_PREFIX',
    key: 'redisPrefix',
    description:
      'namespace of every Redis key Attune writes (bus, rate limits, stream counts), so several stores can share one Redis',
    defaultText: 'attune',
    parse: parseRedisPrefix,
  },
  {
    env: 'ATTUNE_REDIS_STREAM_LENGTH',
    key: 'busRetainPerTopic',
    description:
      'messages each bus topic keeps in Redis for nodes that fall behind (about; a node that misses more reads what it missed from the store)',
    defaultText: '10000',
    parse: (raw = '10000'): Parsed<number> =>
      /^\d+$/.test(raw) && Number(raw) >= 100 && Number(raw) <= 10_000_000
        ? { value: Number(raw) }
        : { problem: 'must be an integer from 100 to 10000000' },
  },
] as const;
