import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import { classifyAddress } from './address-policy.js';
import type { OwnReceiverAllowance } from './own-receiver.js';

/** Resolves a host name to every address it has (Node's dns.lookup unless a test gives another). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const resolveWithDns: ResolveHost = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, found) => (error === null ? resolve(found) : reject(error))),
  );

/** Why none of `addresses` may be reached, or undefined when all may. */
function refusalOf(addresses: readonly LookupAddress[]): string | undefined {
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (!verdict.allowed) return `${address} is not a public address (${verdict.reason})`;
  }
  return undefined;
}

const TIMEOUT_MS = 10_000;

/**
 * Posts webhooks with Node's own HTTP client. Unless private targets are allowed, every address a
 * host name resolves to is checked when the connection is made, not only when the webhook was
 * saved, so a name that later resolves to an internal address (DNS rebinding) is refused too.
 */
export function createNodeHttpTransport(options: {
  allowPrivate: boolean;
  resolveHost?: ResolveHost;
  /** The node's own receiver (demo mode): that exact URL, on a loopback literal, is let through. */
  ownReceiver?: OwnReceiverAllowance;
}): WebhookTransport {
  const exempt = (url: string) => options.allowPrivate || options.ownReceiver?.covers(url) === true;
  const resolveHost = options.resolveHost ?? resolveWithDns;
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        const refused = options.allowPrivate ? undefined : refusalOf(addresses);
        if (refused !== undefined) return callback(new Error(`refused: ${hostname}: ${refused}`), '', 0);
        const { family } = lookupOptions;
        const wanted = family === 4 || family === 'IPv4' ? 4 : family === 6 || family === 'IPv6' ? 6 : 0;
        const usable = addresses.filter((entry) => wanted === 0 || entry.family === wanted);
        if (lookupOptions.all === true) return callback(null, usable, 0);
        const first = usable[0];
        if (first === undefined) return callback(new Error(`no address for ${hostname}`), '', 0);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  return {
    async check(url) {
      const target = parseTarget(url);
      if (exempt(url)) return;
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const family = isIP(host);
      const addresses = family !== 0 ? [{ address: host, family }] : await resolveHost(host);
      const refused = refusalOf(addresses);
      if (refused !== undefined) throw new Error(refused);
    },

    post(url, headers, body) {
      const target = parseTarget(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const literal = isIP(host) !== 0 ? refusalOf([{ address: host, family: isIP(host) }]) : undefined;
      if (!exempt(url) && literal !== undefined) {
        return Promise.reject(new Error(`refused: ${literal}`));
      }
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const request = send(
          target,
          {
            method: 'POST',
            headers: {
              ...headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
            lookup: guardedLookup,
            timeout: TIMEOUT_MS,
          },
          (response) => {
            response.resume();
            response.once('end', () => resolve(response.statusCode ?? 0));
            response.once('error', reject);
          },
        );
        request.once('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
        request.once('error', reject);
        request.end(body);
      });
    },
  };
}

function parseTarget(url: string): URL {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new Error('a webhook URL must be http or https');
  if (target.username !== '' || target.password !== '')
    throw new Error('a webhook URL must not carry credentials');
  return target;
}
