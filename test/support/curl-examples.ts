import { PUBLISHABLE_KEY, SECRET_KEY } from './test-attune.js';

/** One `curl` command of the docs, as the request it makes. */
export interface CurlRequest {
  readonly command: string;
  readonly method: string;
  /** Path and query, without `localhost:8080`. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/**
 * The `curl` commands of the shell blocks after each `marker` in `markdown` (the first block after it,
 * or every block to the end with `blocks: 'all'`), continuation lines joined.
 */
export function markedCurlCommands(
  markdown: string,
  marker: string,
  blocks: 'first' | 'all' = 'first',
): string[] {
  const commands: string[] = [];
  for (const part of markdown.split(marker).slice(1)) {
    const found = [...part.matchAll(/```sh\n([\s\S]*?)```/g)];
    for (const block of blocks === 'all' ? found : found.slice(0, 1)) {
      commands.push(
        ...(block[1] ?? '')
          .replaceAll('\\\n', ' ')
          .split('\n')
          .filter((line) => line.startsWith('curl ')),
      );
    }
  }
  return commands;
}

/** Splits a command line into words as a POSIX shell would for these examples (quotes, $KEY, $PK). */
function words(command: string): string[] {
  const found: string[] = [];
  for (const match of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    const single = match[1];
    const word = single ?? (match[2] ?? match[3] ?? '').replaceAll('\\&', '&');
    found.push(
      single !== undefined
        ? word
        : word.replace(/\$KEY(?![A-Z_])/g, SECRET_KEY).replace(/\$PK(?![A-Z_])/g, PUBLISHABLE_KEY),
    );
  }
  return found;
}

/** What a curl command asks for: method, path, headers and body. */
export function requestOf(command: string): CurlRequest {
  const args = words(command).slice(1);
  let method: string | undefined;
  let url = '';
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const value = args[index + 1] ?? '';
    if (arg === '-s' || arg === '-N') continue;
    if (arg === '-X') method = value;
    // A cookie jar: the examples' session cookie, which the runner fills in as `$SESSION`.
    else if (arg === '-b') headers['cookie'] = '$SESSION';
    else if (arg === '-c') headers['x-save-cookie'] = value;
    else if (arg === '-H') {
      const [name = '', ...rest] = value.split(':');
      headers[name.trim().toLowerCase()] = rest.join(':').trim();
    } else if (arg === '-d') body = value;
    else {
      url = arg;
      continue;
    }
    index++;
  }
  return {
    command,
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    url: url.replace(/^localhost:8080/, ''),
    headers,
    body,
  };
}

/** True when `url` (a concrete path, maybe with a query) is an instance of the OpenAPI `template`. */
export function matchesTemplate(url: string, template: string): boolean {
  const path = url.split('?')[0] ?? '';
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}
