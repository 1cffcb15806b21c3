import { Type } from '@sinclair/typebox';
import { PageOf, PageQuery, StrictObject, Timestamp } from '../common-schemas.js';

const Role = Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('viewer')], {
  description: 'viewer: reads; editor: also merchant objects; admin: also users and keys',
});

export const KeyParams = StrictObject({
  id: Type.String({ pattern: '^key_[0-9a-f]{16}$', description: 'a key id, as GET /v1/keys lists it' }),
});

export const UserParams = StrictObject({
  id: Type.String({ pattern: '^usr_[0-9a-f]{16}$', description: 'a user id, as GET /v1/users lists it' }),
});

/** A key as lists show it: never a secret key's value, nor any hash. */
export const KeyView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('secret'), Type.Literal('publishable')]),
  label: Type.String(),
  createdAt: Timestamp,
  revokedAt: Type.Optional(Timestamp),
  publishableKey: Type.Optional(Type.String({ description: 'publishable keys only: they are public' })),
});

export const KeyCreateBody = StrictObject({
  kind: Type.Union([Type.Literal('secret'), Type.Literal('publishable')]),
  label: Type.String({ minLength: 1, maxLength: 200 }),
});

export const CreatedKeyView = Type.Object({
  ...KeyView.properties,
  key: Type.String({ description: 'the key itself: shown this once, store it now' }),
});

/** `POST /v1/keys/{id}:rotate`: how long the old key keeps working beside the new one. */
export const KeyRotateBody = StrictObject({
  gracePeriod: Type.Optional(
    Type.String({
      pattern: '^(0|\\d{1,4}[mhd])$',
      default: '24h',
      description: 'how long the old key still works: 0 (it stops now), minutes, hours or days, at most 30d',
      examples: ['24h'],
    }),
  ),
});

export const RotatedKeyView = Type.Object({
  ...CreatedKeyView.properties,
  replaces: Type.Object(
    { id: Type.String(), revokedAt: Timestamp },
    { description: 'the old key and when it stops' },
  ),
});

export const UserView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Role,
  createdAt: Timestamp,
});

export const UserCreateBody = StrictObject({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 12, maxLength: 256, description: '12 to 256 characters' }),
  role: Role,
});

export const SignInBody = StrictObject({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

export const SessionView = Type.Object({
  user: UserView,
  expiresAt: Timestamp,
  idleExpiresAt: Type.Optional(Timestamp),
  csrf: Type.Optional(
    Type.Object({
      header: Type.String({ description: 'the header every change made with this session must carry' }),
      token: Type.String({ description: 'answered once, at sign-in' }),
    }),
  ),
});

export const AuditQuery = StrictObject({
  resource: Type.Optional(
    Type.String({
      maxLength: 200,
      pattern: '^[a-z-]{1,40}(:.+)?$',
      description: '`<type>` or `<type>:<id>`, such as `promotion` or `promotion:summer`',
    }),
  ),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'a user id or key id' })),
  ...PageQuery,
});

export const AuditItem = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actor: Type.Object({ type: Type.Union([Type.Literal('user'), Type.Literal('key')]), id: Type.String() }),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('delete')]),
  resource: Type.Object({ type: Type.String(), id: Type.String() }),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const AuditPage = PageOf(AuditItem);
