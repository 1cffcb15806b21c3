/** What a console user may do: `viewer` reads, `editor` also changes merchant objects, `admin` also users and keys. */
export type ConsoleRole = 'admin' | 'editor' | 'viewer';

export const CONSOLE_ROLES: readonly ConsoleRole[] = ['admin', 'editor', 'viewer'];

/** A console user as stored. The password only as a salted scrypt hash. */
export interface ConsoleUserRecord {
  readonly id: string;
  /** Trimmed, lower-case. */
  readonly email: string;
  readonly passwordHash: string;
  readonly role: ConsoleRole;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** A signed-in session, kept by hashes of its id and CSRF token only. */
export interface ConsoleSessionRecord {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfHash: string;
  /** Epoch milliseconds, as every time here. */
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** The absolute end, however active the session is. */
  readonly expiresAt: number;
}

export interface ConsoleStore {
  /** Resolves false (and writes nothing) when the email is taken. */
  insertUser(user: ConsoleUserRecord): Promise<boolean>;
  findUserByEmail(email: string): Promise<ConsoleUserRecord | undefined>;
  listUsers(): Promise<ConsoleUserRecord[]>;
  /** Deletes the user and every session of theirs; false when there was none. */
  deleteUser(id: string): Promise<boolean>;
  insertSession(session: ConsoleSessionRecord): Promise<void>;
  /** The session and its user, or undefined. */
  getSession(idHash: string): Promise<{ session: ConsoleSessionRecord; user: ConsoleUserRecord } | undefined>;
  touchSession(idHash: string, lastSeenAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<boolean>;
  /** Deletes sessions past their absolute end (`expiresAt <= now`) or idle since `idleBefore`. */
  deleteEndedSessions(now: number, idleBefore: number): Promise<void>;
}
