import { SETTINGS, type Config } from './schema.js';

export type ConfigResult =
  { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly problems: string[] };

/**
 * Reads every setting from `env`, reporting each problem on its own line (`PORT=abc: must be an integer
 * from 1 to 65535`) rather than stopping at the first. The config returned is frozen.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const setting of SETTINGS) {
    const raw = env[setting.env];
    const parsed = setting.parse(raw, env);
    if ('problem' in parsed) {
      const shown =
        raw === undefined ? '(unset)' : /KEY|SECRET|URL/.test(setting.env) ? '(hidden)' : JSON.stringify(raw);
      problems.push(`${setting.env}=${shown}: ${parsed.problem}`);
    } else {
      values[setting.key] = parsed.value;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: Object.freeze(values as unknown as Config) };
}

/** Test and tooling helper: the config for `overrides` on top of an empty environment; throws on problems. */
export function configFor(overrides: Partial<Record<string, string>> = {}): Config {
  const result = loadConfig(overrides);
  if (!result.ok) throw new Error(`invalid config:\n${result.problems.join('\n')}`);
  return result.config;
}
