import { isIP } from 'node:net';
import { classifyAddress } from './address-policy.js';

/**
 * The one exception to the webhook address policy: a receiver this very node serves on a loopback
 * address (the demo's mailbox). Made only by the composition root in demo mode, and given a URL only
 * by the demo's own start-up once the node listens; an environment variable cannot set it. Nothing
 * else on loopback, and nothing private, gets through: the URL must match exactly.
 */
export class OwnReceiverAllowance {
  #url: string | undefined;

  /**
   * Lets webhooks reach exactly `url`. @throws Error when `url` is not http on a loopback IP
   * literal (a host name could resolve anywhere; a private or public address is not this node).
   */
  allow(url: string): void {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const verdict = isIP(host) === 0 ? undefined : classifyAddress(host);
    if (
      target.protocol !== 'http:' ||
      verdict === undefined ||
      verdict.allowed ||
      verdict.reason !== 'loopback'
    )
      throw new Error(`an own receiver must be http on a loopback address, not ${url}`);
    this.#url = target.href;
  }

  /** Whether `url` is exactly the own receiver's URL. */
  covers(url: string): boolean {
    if (this.#url === undefined) return false;
    try {
      return new URL(url).href === this.#url;
    } catch {
      return false;
    }
  }
}
