/** Sends one webhook request. Implementations refuse targets the address policy forbids. */
export interface WebhookTransport {
  /** Resolves with the HTTP status; rejects when no answer came (refused, unreachable, timed out, forbidden target). */
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<number>;
  /** Rejects with a reason when `url` may not receive webhooks (private address, bad scheme). */
  check(url: string): Promise<void>;
}
