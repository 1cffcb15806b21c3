import { Webhook as Signer } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../adapters/clock/manual-clock.js';
import { DemoMailbox } from './demo-mailbox.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OTHER = 'whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCBrZXkgb2s=';
const MINUTE = 60_000;

function delivery(secret: string, id: string, at: number, data: Record<string, unknown>) {
  const body = JSON.stringify({ type: 'journey.message', timestamp: new Date(at).toISOString(), data });
  return {
    headers: {
      id,
      timestamp: String(Math.floor(at / 1000)),
      signature: new Signer(secret).sign(id, new Date(at), body),
    },
    body,
  };
}

describe('DemoMailbox', () => {
  const clock = new ManualClock('2026-11-20T10:00:00.000Z');

  it('keeps a message signed with its secret, newest first, per customer', () => {
    const mailbox = new DemoMailbox(SECRET, clock);
    const first = delivery(SECRET, 'msg_1', clock.now(), { userId: 'ann', journeyId: 'a' });
    const second = delivery(SECRET, 'msg_2', clock.now(), { userId: 'ann', journeyId: 'b' });
    expect(mailbox.receive(first.headers, first.body)).toEqual({ accepted: true });
    expect(mailbox.receive(second.headers, second.body)).toEqual({ accepted: true });
    // A retry of the first (its answer lost) does not make it the newest twice over.
    expect(mailbox.receive(first.headers, first.body)).toEqual({ accepted: true });
    expect(mailbox.last('ann')).toMatchObject({ messageId: 'msg_1', data: { journeyId: 'a' } });
    expect(mailbox.last('bob')).toBeUndefined();
  });

  it('refuses another secret, a changed body, a missing header and a timestamp off by more than 5 minutes', () => {
    const mailbox = new DemoMailbox(SECRET, clock);
    const forged = delivery(OTHER, 'msg_f', clock.now(), { userId: 'ann' });
    const good = delivery(SECRET, 'msg_g', clock.now(), { userId: 'ann' });
    const late = delivery(SECRET, 'msg_l', clock.now() - 6 * MINUTE, { userId: 'ann' });
    const { signature: _dropped, ...unsigned } = good.headers;
    expect(mailbox.receive(forged.headers, forged.body)).toEqual({
      accepted: false,
      reason: 'bad_signature',
    });
    expect(mailbox.receive(good.headers, good.body.replace('ann', 'bob'))).toEqual({
      accepted: false,
      reason: 'bad_signature',
    });
    expect(mailbox.receive(unsigned, good.body)).toEqual({ accepted: false, reason: 'bad_signature' });
    expect(mailbox.receive(late.headers, late.body)).toEqual({ accepted: false, reason: 'stale_timestamp' });
    expect(mailbox.last('ann')).toBeUndefined();
  });

  it('takes journey messages only', () => {
    const mailbox = new DemoMailbox(SECRET, clock);
    const body = JSON.stringify({ type: 'segment.entered', data: { userId: 'ann' } });
    const headers = {
      id: 'msg_s',
      timestamp: String(Math.floor(clock.now() / 1000)),
      signature: new Signer(SECRET).sign('msg_s', new Date(clock.now()), body),
    };
    expect(mailbox.receive(headers, body)).toEqual({ accepted: false, reason: 'not_a_journey_message' });
  });
});
