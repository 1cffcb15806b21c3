import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookTransport } from '../../ports/webhook-transport.js';
import { isPublicAddress } from './address-policy.js';

const TIMEOUT_MS = 10_000;

/**
 * Posts webhooks with Node's own HTTP client. Unless private targets are allowed, every address a
 * host name resolves to is checked when the connection is made, not only when the webhook was
 * saved, so a name that later resolves to an internal address (DNS rebinding) is refused too.
 */
export function createNodeHttpTransport(options: { allowPrivate: boolean }): WebhookTransport {
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error !== null) return callback(error, '', 0);
      const refused = addresses.find((entry) => !options.allowPrivate && !isPublicAddress(entry.address));
      if (refused !== undefined)
        return callback(
          new Error(`refused: ${hostname} resolves to ${refused.address}, a private address`),
          '',
          0,
        );
      if (lookupOptions.all === true) return callback(null, addresses, 0);
      const first = addresses[0];
      if (first === undefined) return callback(new Error(`no address for ${hostname}`), '', 0);
      return callback(null, first.address, first.family);
    });
  };

  return {
    async check(url) {
      const target = parseTarget(url);
      if (options.allowPrivate) return;
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) !== 0) {
        if (!isPublicAddress(host)) throw new Error(`${host} is a private address`);
        return;
      }
      const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
        dnsLookup(host, { all: true }, (error, found) => (error === null ? resolve(found) : reject(error))),
      );
      const refused = addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused !== undefined) throw new Error(`${host} resolves to ${refused.address}, a private address`);
    },

    post(url, headers, body) {
      const target = parseTarget(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!options.allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) {
        return Promise.reject(new Error(`refused: ${host} is a private address`));
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
