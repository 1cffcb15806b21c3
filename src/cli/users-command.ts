import type { Config } from '../config/schema.js';
import { CONSOLE_ROLES, type ConsoleRole } from '../ports/console-store.js';
import { createAttune } from '../main.js';

/**
 * `attune users create --email EMAIL --role ROLE`: makes a console user in the configured store. The
 * password comes from ATTUNE_USER_PASSWORD or the first line of standard input, never from the
 * command line, which other users of the machine can read (`ps`) and shells keep in their history.
 */
export async function createUserCommand(
  config: Config,
  input: { email: string | undefined; role: string | undefined; password: string | undefined },
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { email, role, password } = input;
  if (email === undefined || !CONSOLE_ROLES.includes(role as ConsoleRole)) {
    out('usage: attune users create --email EMAIL --role admin|editor|viewer (password on stdin)');
    return 1;
  }
  if (password === undefined || password === '') {
    out('give the password in ATTUNE_USER_PASSWORD or on standard input');
    return 1;
  }
  const attune = await createAttune({ ...config, demo: false, logLevel: 'warn' }, { role: 'command' });
  try {
    const user = await attune.users.create({ email, password, role: role as ConsoleRole });
    out(`console user ${user.id} (${user.email}, ${user.role}) created`);
    return 0;
  } catch (error) {
    out(`attune users create: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await attune.close();
  }
}

/** The first line of standard input (a password piped in), or undefined when it is a terminal or empty. */
export async function firstLineOfStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0];
  return line === undefined || line === '' ? undefined : line;
}
