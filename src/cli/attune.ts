#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.js';
import { SETTINGS } from '../config/schema.js';
import { importCommand } from './import-command.js';
import { createKeyCommand, revokeKeyCommand } from './keys-command.js';
import { serve } from './serve.js';
import { createUserCommand, firstLineOfStdin } from './users-command.js';

const USAGE = `Usage:
  attune serve                                   start a node (settings from the environment)
  attune import products FILE [--url URL --key KEY]
                                                 import a CSV or NDJSON product file (.gz too)
  attune keys create [--kind secret|publishable] [--label TEXT]
                                                 make an API key and print it once
  attune keys revoke KEY_ID                      revoke an API key on every node
  attune users create --email EMAIL --role admin|editor|viewer
                                                 make a console user; the password is read from
                                                 ATTUNE_USER_PASSWORD or the first line of stdin

Settings (environment variables):
${SETTINGS.map((setting) => `  ${setting.env.padEnd(30)} ${setting.description} (default ${setting.defaultText})`).join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      kind: { type: 'string', default: 'secret' },
      label: { type: 'string', default: 'created with attune keys create' },
      email: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined && values.help !== true ? 1 : 0;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Attune cannot start; fix these settings:\n${loaded.problems.map((problem) => `  ${problem}`).join('\n')}\n`,
    );
    return 1;
  }
  const { config } = loaded;
  if (command === 'serve') {
    await serve(config);
    return -1;
  }
  if (command === 'import' && rest[0] === 'products' && rest[1] !== undefined) {
    return importCommand(config, rest[1], { url: values.url, key: values.key });
  }
  if (command === 'keys' && rest[0] === 'create') {
    if (values.kind !== 'secret' && values.kind !== 'publishable') {
      process.stderr.write('--kind must be secret or publishable\n');
      return 1;
    }
    return createKeyCommand(config, values.kind, values.label);
  }
  if (command === 'keys' && rest[0] === 'revoke' && rest[1] !== undefined) {
    return revokeKeyCommand(config, rest[1]);
  }
  if (command === 'users' && rest[0] === 'create') {
    const password = process.env['ATTUNE_USER_PASSWORD'] ?? (await firstLineOfStdin());
    return createUserCommand(config, { email: values.email, role: values.role, password });
  }
  process.stderr.write(USAGE);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    // serve keeps running until a signal; every other command ends with its own exit code.
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`attune: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
