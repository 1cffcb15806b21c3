import { randomBytes } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import { CONSOLE_ROLES, type ConsoleRole, type ConsoleUserRecord } from '../../ports/console-store.js';
import type { Store } from '../../ports/store.js';
import { AppError } from '../errors.js';
import type { PasswordHasher } from './passwords.js';

/** A user as answers show them: never the password hash. */
export interface ConsoleUser {
  readonly id: string;
  readonly email: string;
  readonly role: ConsoleRole;
  readonly createdAt: number;
}

/** At least this long: NIST SP 800-63B asks for 8 at the least; an admin console deserves more. */
export const MIN_PASSWORD_LENGTH = 12;
/** Bounded so hashing a password costs the same whoever sends it. */
export const MAX_PASSWORD_LENGTH = 256;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/;

/** Console users: created by a secret key, an admin session or the CLI; passwords kept only as scrypt hashes. */
export class ConsoleUsers {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'insertUser' | 'findUserByEmail' | 'listUsers' | 'deleteUser'>;
      clock: Clock;
      hasher: PasswordHasher;
    },
  ) {}

  /**
   * @throws AppError `invalid_email`, `invalid_role`, `weak_password`, `email_taken`.
   */
  async create(input: { email: string; password: string; role: ConsoleRole }): Promise<ConsoleUser> {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email)) {
      throw new AppError('invalid_email', 'not an email address', { pointer: '/email' });
    }
    if (!CONSOLE_ROLES.includes(input.role)) {
      throw new AppError('invalid_role', 'the role is admin, editor or viewer', { pointer: '/role' });
    }
    const length = [...input.password].length;
    if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
      throw new AppError(
        'weak_password',
        `a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
        { pointer: '/password' },
      );
    }
    const user: ConsoleUserRecord = {
      id: `usr_${randomBytes(8).toString('hex')}`,
      email,
      passwordHash: await this.deps.hasher.hash(input.password),
      role: input.role,
      createdAt: this.deps.clock.now(),
    };
    if (!(await this.deps.store.insertUser(user))) {
      throw new AppError('email_taken', 'a user has this email already', { pointer: '/email' });
    }
    return publicUser(user);
  }

  async list(): Promise<ConsoleUser[]> {
    return (await this.deps.store.listUsers()).map(publicUser);
  }

  /** Deletes a user and signs them out everywhere. @throws AppError `user_not_found`. */
  async delete(id: string): Promise<void> {
    if (!(await this.deps.store.deleteUser(id))) {
      throw new AppError('user_not_found', `no user ${id}`, { pointer: '/id' });
    }
  }

  /** The user whose email and password these are, or undefined; as slow for an unknown email. */
  async verify(email: string, password: string): Promise<ConsoleUser | undefined> {
    const user = await this.deps.store.findUserByEmail(normaliseEmail(email));
    if ([...password].length > MAX_PASSWORD_LENGTH) return undefined;
    if (user === undefined) {
      await this.deps.hasher.verifyNothing(password);
      return undefined;
    }
    return (await this.deps.hasher.verify(password, user.passwordHash)) ? publicUser(user) : undefined;
  }
}

/** Emails compare trimmed and lower-case, so sign-in and rate limits see one address one way. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function publicUser({ id, email, role, createdAt }: ConsoleUserRecord): ConsoleUser {
  return { id, email, role, createdAt };
}
