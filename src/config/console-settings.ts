/** The settings of the merchant console: session lifetimes, sign-in limits, password hashing cost. */
import type { RequestBudget } from './config.js';
import { parseBudget, seconds, type Parsed } from './parsers.js';

/** Read by `SETTINGS` in schema.ts, which lists them with the others. */
export const CONSOLE_SETTINGS = [
  {
    env: 'ATTUNE_SESSION_IDLE_SECONDS',
    key: 'sessionIdleSeconds',
    description: 'seconds a console session lives without a request',
    defaultText: '43200',
    parse: (raw = '43200'): Parsed<number> => seconds(raw, 60, 86400),
  },
  {
    env: 'ATTUNE_SESSION_MAX_SECONDS',
    key: 'sessionMaxSeconds',
    description: 'seconds a console session lives at most, however active',
    defaultText: '86400',
    parse: (raw = '86400'): Parsed<number> => seconds(raw, 60, 99999),
  },
  {
    env: 'ATTUNE_SIGN_IN_LIMIT_PER_EMAIL',
    key: 'signInLimitPerEmail',
    description: 'failed console sign-ins per email from one address, as <requests>/<seconds>s, or off',
    defaultText: '10/900s',
    parse: (raw = '10/900s'): Parsed<RequestBudget | undefined> => parseBudget(raw),
  },
  {
    env: 'ATTUNE_SIGN_IN_LIMIT_PER_EMAIL_ANYWHERE',
    key: 'signInLimitPerEmailAnywhere',
    description: 'failed console sign-ins per email from all addresses together, or off',
    defaultText: '100/900s',
    parse: (raw = '100/900s'): Parsed<RequestBudget | undefined> => parseBudget(raw),
  },
  {
    env: 'ATTUNE_SIGN_IN_LIMIT_PER_ADDRESS',
    key: 'signInLimitPerAddress',
    description: 'console sign-in attempts per client address, as <requests>/<seconds>s, or off',
    defaultText: '50/900s',
    parse: (raw = '50/900s'): Parsed<RequestBudget | undefined> => parseBudget(raw),
  },
  {
    env: 'ATTUNE_PASSWORD_SCRYPT_LOG_N',
    key: 'passwordScryptLogN',
    description: "log2 of scrypt's cost N for new console passwords (17: 128 MiB, OWASP's minimum)",
    defaultText: '17',
    parse: (raw = '17'): Parsed<number> =>
      /^\d{2}$/.test(raw) && Number(raw) >= 14 && Number(raw) <= 20
        ? { value: Number(raw) }
        : { problem: 'must be a whole number from 14 to 20' },
  },
] as const;
