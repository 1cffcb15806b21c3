import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ManualClock } from '../../src/adapters/clock/manual-clock.js';
import { startTwoNodes, twoNodeServicesUp, type TwoNodes } from '../support/two-nodes.js';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  productBody,
  startTestAttune,
  type TestAttune,
} from '../support/test-attune.js';

/** Issue 14, server side: console users, sessions, CSRF, roles, sign-in limits, API keys. */

/** scrypt at 2^14 keeps the suite quick; production hashes at 2^17 (ATTUNE_PASSWORD_SCRYPT_LOG_N). */
const FAST_HASHES = { ATTUNE_PASSWORD_SCRYPT_LOG_N: '14' };
const PASSWORD = 'correct horse battery staple';

interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly setCookie: string;
}

/** Every answer a test saw, to search for secrets. */
const answers: string[] = [];

async function createUser(node: TestAttune, email: string, role: string): Promise<string> {
  const created = await node.call('POST', '/v1/users', { body: { email, password: PASSWORD, role } });
  answers.push(created.body);
  expect(created.status).toBe(201);
  return created.json().id;
}

async function signIn(
  node: TestAttune,
  email: string,
  headers: Record<string, string> = {},
): Promise<Session> {
  const answer = await node.app.inject({
    method: 'POST',
    url: '/v1/sessions',
    headers,
    payload: { email, password: PASSWORD },
  });
  answers.push(answer.body);
  expect(answer.statusCode).toBe(201);
  const setCookie = String(answer.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0] as string, csrf: answer.json().csrf.token, setCookie };
}

/** A request made with a session cookie (and its CSRF token unless `csrf` is null), no key. */
async function asSession(
  node: TestAttune,
  session: Session,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  options: { body?: unknown; csrf?: string | null } = {},
) {
  const csrf = options.csrf === undefined ? session.csrf : options.csrf;
  const answer = await node.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, ...(csrf !== null && { 'x-csrf-token': csrf }) },
    ...(options.body !== undefined && { payload: options.body as object }),
  });
  answers.push(answer.body);
  return answer;
}

describe('console users and sessions', () => {
  const clock = new ManualClock('2026-06-01T09:00:00.000Z');
  let node: TestAttune;
  let passwordHashes: string[] = [];

  beforeAll(async () => {
    node = await startTestAttune(
      {
        ...FAST_HASHES,
        ATTUNE_SESSION_IDLE_SECONDS: '3600',
        ATTUNE_SESSION_MAX_SECONDS: '10800',
        ATTUNE_TRUST_PROXY: 'true',
      },
      { clock },
    );
    await createUser(node, 'admin@shop.example', 'admin');
    await createUser(node, 'editor@shop.example', 'editor');
    await createUser(node, 'viewer@shop.example', 'viewer');
    passwordHashes = (await node.store.listUsers()).map((user) => user.passwordHash);
  });
  afterAll(() => node.dispose());

  it('stores passwords only as salted scrypt hashes', () => {
    expect(passwordHashes).toHaveLength(3);
    for (const hash of passwordHashes) expect(hash).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(new Set(passwordHashes.map((hash) => hash.split('$')[4])).size).toBe(3);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure over HTTPS', async () => {
    const plain = await signIn(node, 'viewer@shop.example');
    expect(plain.setCookie).toMatch(/^attune_session=[A-Za-z0-9_-]{43};/);
    expect(plain.setCookie).toContain('HttpOnly');
    expect(plain.setCookie).toContain('SameSite=Strict');
    expect(plain.setCookie).not.toContain('Secure');
    const https = await signIn(node, 'viewer@shop.example', { 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toContain('Secure');
    expect(https.setCookie).toContain('HttpOnly');
  });

  it('says who is signed in, and refuses a wrong password without saying which part is wrong', async () => {
    const session = await signIn(node, 'Editor@Shop.example ');
    const current = await asSession(node, session, 'GET', '/v1/sessions/current');
    expect(current.statusCode).toBe(200);
    expect(current.json().user).toMatchObject({ email: 'editor@shop.example', role: 'editor' });
    // A page reloaded with the cookie gets the session's CSRF token again.
    expect(current.json().csrf).toEqual({ header: 'X-CSRF-Token', token: session.csrf });
    expect(current.headers['cache-control']).toBe('no-store');
    const wrong = await node.app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { email: 'editor@shop.example', password: 'not the password at all' },
    });
    const unknown = await node.app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { email: 'nobody@shop.example', password: PASSWORD },
    });
    for (const answer of [wrong, unknown]) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ code: 'invalid_credentials' });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a change made with a session but without its CSRF token (403)', async () => {
    const session = await signIn(node, 'editor@shop.example');
    const missing = await asSession(node, session, 'PUT', '/v1/products/csrf-1', {
      body: productBody(),
      csrf: null,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf_token_required', pointer: '/x-csrf-token' });
    const forged = await asSession(node, session, 'PUT', '/v1/products/csrf-1', {
      body: productBody(),
      csrf: 'a'.repeat(43),
    });
    expect(forged.json()).toMatchObject({ status: 403, code: 'csrf_token_required' });
    const other = await signIn(node, 'editor@shop.example');
    const crossed = await asSession(node, session, 'PUT', '/v1/products/csrf-1', {
      body: productBody(),
      csrf: other.csrf,
    });
    expect(crossed.statusCode).toBe(403);
    expect((await node.call('GET', '/v1/products/csrf-1')).status).toBe(404);
    const withToken = await asSession(node, session, 'PUT', '/v1/products/csrf-1', { body: productBody() });
    expect(withToken.statusCode).toBe(201);
    // Reads need no token.
    expect((await asSession(node, session, 'GET', '/v1/products/csrf-1', { csrf: null })).statusCode).toBe(
      200,
    );
  });

  it('enforces roles on the server: viewer reads, editor changes merchant objects, admin users and keys', async () => {
    const viewer = await signIn(node, 'viewer@shop.example');
    const editor = await signIn(node, 'editor@shop.example');
    const admin = await signIn(node, 'admin@shop.example');
    const write = (session: Session, id: string) =>
      asSession(node, session, 'PUT', `/v1/products/${id}`, { body: productBody() });

    const viewerWrite = await write(viewer, 'role-1');
    expect(viewerWrite.statusCode).toBe(403);
    expect(viewerWrite.json()).toMatchObject({ code: 'forbidden', role: 'viewer' });
    expect((await asSession(node, viewer, 'GET', '/v1/products')).statusCode).toBe(200);
    expect((await asSession(node, viewer, 'GET', '/v1/promotions')).statusCode).toBe(200);
    expect((await asSession(node, viewer, 'GET', '/v1/audit')).statusCode).toBe(200);
    expect((await asSession(node, viewer, 'GET', '/v1/keys')).statusCode).toBe(403);
    expect((await asSession(node, viewer, 'DELETE', '/v1/sessions/current', { csrf: null })).statusCode).toBe(
      403,
    );

    expect((await write(editor, 'role-2')).statusCode).toBe(201);
    const editorUser = await asSession(node, editor, 'POST', '/v1/users', {
      body: { email: 'x@shop.example', password: PASSWORD, role: 'admin' },
    });
    expect(editorUser.statusCode).toBe(403);
    expect((await asSession(node, editor, 'GET', '/v1/users')).statusCode).toBe(403);
    expect(
      (await asSession(node, editor, 'POST', '/v1/keys', { body: { kind: 'secret', label: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect((await asSession(node, editor, 'DELETE', '/v1/profiles/someone')).statusCode).toBe(403);

    const adminUser = await asSession(node, admin, 'POST', '/v1/users', {
      body: { email: 'new-viewer@shop.example', password: PASSWORD, role: 'viewer' },
    });
    expect(adminUser.statusCode).toBe(201);
    expect((await asSession(node, admin, 'GET', '/v1/keys')).statusCode).toBe(200);
    expect((await write(admin, 'role-3')).statusCode).toBe(201);
  });

  it('checks new users: a weak password, a taken email, an unknown role', async () => {
    const weak = await node.call('POST', '/v1/users', {
      body: { email: 'weak@shop.example', password: 'short', role: 'viewer' },
    });
    expect(weak.json()).toMatchObject({ status: 400, pointer: '/password' });
    const taken = await node.call('POST', '/v1/users', {
      body: { email: 'VIEWER@shop.example', password: PASSWORD, role: 'viewer' },
    });
    expect(taken.json()).toMatchObject({ status: 409, code: 'email_taken' });
    const role = await node.call('POST', '/v1/users', {
      body: { email: 'r@shop.example', password: PASSWORD, role: 'owner' },
    });
    expect(role.json()).toMatchObject({ status: 400, pointer: '/role' });
    const publishable = await node.call('POST', '/v1/users', {
      key: PUBLISHABLE_KEY,
      body: { email: 'p@shop.example', password: PASSWORD, role: 'admin' },
    });
    expect(publishable.json()).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it("ends a session after its idle time and after its absolute time (the clock is the node's)", async () => {
    const idle = await signIn(node, 'viewer@shop.example');
    clock.advance(3599_000);
    expect((await asSession(node, idle, 'GET', '/v1/sessions/current')).statusCode).toBe(200);
    clock.advance(3599_000); // active a second before its idle end: still alive
    expect((await asSession(node, idle, 'GET', '/v1/products')).statusCode).toBe(200);
    clock.advance(3600_000);
    const ended = await asSession(node, idle, 'GET', '/v1/products');
    expect(ended.statusCode).toBe(401);
    expect(ended.json()).toMatchObject({ code: 'unauthorized' });

    const busy = await signIn(node, 'viewer@shop.example');
    for (let hour = 0; hour < 2; hour += 1) {
      clock.advance(3000_000);
      expect((await asSession(node, busy, 'GET', '/v1/sessions/current')).statusCode).toBe(200);
    }
    clock.advance(3000_000); // 2 h 30 of 3 h
    expect((await asSession(node, busy, 'GET', '/v1/sessions/current')).statusCode).toBe(200);
    clock.advance(1800_000); // 3 h: over, however active
    expect((await asSession(node, busy, 'GET', '/v1/sessions/current')).statusCode).toBe(401);
  });

  it('signs out (with the CSRF token) for good', async () => {
    const session = await signIn(node, 'viewer@shop.example');
    expect(
      (await asSession(node, session, 'DELETE', '/v1/sessions/current', { csrf: null })).statusCode,
    ).toBe(403);
    const out = await asSession(node, session, 'DELETE', '/v1/sessions/current');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^attune_session=;/);
    expect((await asSession(node, session, 'GET', '/v1/sessions/current')).statusCode).toBe(401);
    expect((await asSession(node, session, 'GET', '/v1/products')).statusCode).toBe(401);
  });

  it('rate-limits wrong passwords per email (429 with Retry-After) without locking the owner out from elsewhere', async () => {
    const node = await startTestAttune({
      ...FAST_HASHES,
      ATTUNE_SIGN_IN_LIMIT_PER_EMAIL: '5/900s',
      ATTUNE_SIGN_IN_LIMIT_PER_EMAIL_ANYWHERE: '8/900s',
      ATTUNE_TRUST_PROXY: 'true',
    });
    onTestFinished(() => node.dispose());
    await createUser(node, 'target@shop.example', 'viewer');
    const attempt = (address: string, password: string) =>
      node.app.inject({
        method: 'POST',
        url: '/v1/sessions',
        headers: { 'x-forwarded-for': address },
        payload: { email: 'target@shop.example', password },
      });
    // Signing in spends nothing: the owner signs in as often as they like.
    for (let times = 0; times < 6; times += 1)
      expect((await attempt('10.0.9.9', PASSWORD)).statusCode).toBe(201);
    for (let tries = 0; tries < 5; tries += 1) {
      expect((await attempt('10.0.0.1', `wrong password ${tries}!`)).statusCode).toBe(401);
    }
    const limited = await attempt('10.0.0.1', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', limitClass: 'sign-in-email' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The guesser's address is stopped; the owner, elsewhere, still signs in.
    expect((await attempt('10.0.9.9', PASSWORD)).statusCode).toBe(201);
    // Guesses spread over addresses meet the email's ceiling from anywhere (5 spent above, 3 more).
    for (let tries = 0; tries < 3; tries += 1) {
      expect((await attempt(`10.0.1.${tries}`, `spread guess ${tries}!`)).statusCode).toBe(401);
    }
    const ceiling = await attempt('10.0.2.1', 'one more guess!');
    expect(ceiling.json()).toMatchObject({ status: 429, limitClass: 'sign-in-email-anywhere' });
    // Another email from there still signs in.
    await createUser(node, 'other@shop.example', 'viewer');
    expect((await signIn(node, 'other@shop.example', { 'x-forwarded-for': '10.0.2.1' })).csrf).toBeTruthy();
  });

  it('rate-limits sign-in attempts per client address, whatever the email', async () => {
    const node = await startTestAttune({
      ...FAST_HASHES,
      ATTUNE_SIGN_IN_LIMIT_PER_ADDRESS: '3/900s',
    });
    onTestFinished(() => node.dispose());
    const attempt = (email: string) =>
      node.app.inject({
        method: 'POST',
        url: '/v1/sessions',
        payload: { email, password: 'guess guess guess' },
      });
    for (let tries = 0; tries < 3; tries += 1)
      expect((await attempt(`u${tries}@x.example`)).statusCode).toBe(401);
    const limited = await attempt('u9@x.example');
    expect(limited.json()).toMatchObject({ status: 429, limitClass: 'sign-in-address' });
  });

  it('lists, creates and revokes API keys; a revoked key opens nothing', async () => {
    const created = await node.call('POST', '/v1/keys', { body: { kind: 'secret', label: 'importer' } });
    expect(created.status).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^sk_/);
    expect(created.headers['cache-control']).toBe('no-store');
    expect((await node.call('GET', '/v1/products', { key })).status).toBe(200);
    const listed = await node.call('GET', '/v1/keys');
    answers.push(listed.body);
    expect(listed.json().items).toEqual(
      expect.arrayContaining([{ id, kind: 'secret', label: 'importer', createdAt: expect.any(String) }]),
    );
    expect(listed.body).not.toContain(key);
    expect((await node.call('DELETE', `/v1/keys/${id}`)).status).toBe(204);
    expect((await node.call('GET', '/v1/products', { key })).status).toBe(401);
    expect((await node.call('DELETE', `/v1/keys/${id}`)).json()).toMatchObject({ code: 'key_not_found' });
    const revoked = (await node.call('GET', '/v1/keys'))
      .json()
      .items.find((item: { id: string }) => item.id === id);
    expect(revoked.revokedAt).toEqual(expect.any(String));
  });

  it('never answers a secret key or a password hash (searching every answer above, and the audit log)', async () => {
    const audit = await node.call('GET', '/v1/audit?limit=200');
    const users = await node.call('GET', '/v1/users');
    const keys = await node.call('GET', '/v1/keys');
    const everything = [...answers, audit.body, users.body, keys.body].join('\n');
    expect(audit.json().items.length).toBeGreaterThan(3);
    expect(everything).not.toContain(SECRET_KEY);
    expect(everything).not.toMatch(/sk_[A-Za-z0-9_-]{20,}/);
    expect(everything).not.toContain('scrypt$');
    expect(everything).not.toContain(PASSWORD);
    for (const hash of passwordHashes) expect(everything).not.toContain(hash.split('$')[5]);
    for (const record of await node.store.listKeys()) expect(everything).not.toContain(record.hash);
  });
});

describe.skipIf(!twoNodeServicesUp)('keys and sessions across two nodes on one PostgreSQL and Redis', () => {
  let nodes: TwoNodes;
  beforeAll(async () => {
    nodes = await startTwoNodes(FAST_HASHES);
  });
  afterAll(() => nodes.dispose());

  it('a key revoked on one node is refused by the other', async () => {
    const { nodeA, nodeB } = nodes;
    const { id, key } = (
      await nodeA.call('POST', '/v1/keys', { body: { kind: 'secret', label: 'x' } })
    ).json();
    await vi.waitFor(async () => expect((await nodeB.call('GET', '/v1/products', { key })).status).toBe(200));
    expect((await nodeA.call('DELETE', `/v1/keys/${id}`)).status).toBe(204);
    expect((await nodeA.call('GET', '/v1/products', { key })).status).toBe(401);
    await vi.waitFor(
      async () => expect((await nodeB.call('GET', '/v1/products', { key })).status).toBe(401),
      {
        timeout: 5000,
      },
    );
  });

  it('a session signed in on one node works on the other, and signing out ends it on both', async () => {
    const { nodeA, nodeB } = nodes;
    await createUser(nodeA, 'ops@shop.example', 'editor');
    const session = await signIn(nodeA, 'ops@shop.example');
    const put = await asSession(nodeB, session, 'PUT', '/v1/products/two-nodes', { body: productBody() });
    expect(put.statusCode).toBe(201);
    expect((await asSession(nodeA, session, 'DELETE', '/v1/sessions/current')).statusCode).toBe(204);
    expect((await asSession(nodeB, session, 'GET', '/v1/sessions/current')).statusCode).toBe(401);
  });
});
