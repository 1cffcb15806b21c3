import type { ConsoleRole } from '../../ports/console-store.js';
import { SCOPES, type Scope } from './scopes.js';

/**
 * What each console role may do, as scopes the routes already name. Routes that read a merchant
 * object often name its write scope (`GET /v1/promotions` needs `promotions:write`), so a role is
 * granted a scope for reading (safe methods) and, separately, for writing.
 *
 * - `viewer` reads everything but users and keys, and asks decide for previews.
 * - `editor` also changes merchant objects: catalogue, segments, prices, promotions, content,
 *   experiments, rules, loyalty and webhooks.
 * - `admin` also manages users and keys, erases customers, mints customer tokens and records orders
 *   and events: everything a secret key may do.
 */
const ADMIN_ONLY: ReadonlySet<Scope> = new Set<Scope>(['keys:manage', 'users:manage']);

/** Scopes whose POST routes answer without changing anything (storefront answers, previews). */
const READ_ONLY_POSTS: ReadonlySet<Scope> = new Set<Scope>(['storefront', 'decide:preview']);

const EDITOR_WRITES: ReadonlySet<Scope> = new Set<Scope>([
  'catalog:write',
  'segments:write',
  'loyalty:write',
  'webhooks:write',
  'pricing:write',
  'promotions:write',
  'content:write',
  'experiments:write',
  'listings:write',
  'recommendations:write',
  'journeys:write',
]);

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `role` may call a route that needs `scope` with `method`. */
export function roleAllows(role: ConsoleRole, scope: Scope, method: string): boolean {
  if (role === 'admin') return true;
  if (ADMIN_ONLY.has(scope)) return false;
  if (SAFE_METHODS.has(method.toUpperCase()) || READ_ONLY_POSTS.has(scope)) return true;
  return role === 'editor' && EDITOR_WRITES.has(scope);
}

/** The scopes a role holds for at least one method (what a session answer lists). */
export function scopesOf(role: ConsoleRole): Scope[] {
  return SCOPES.filter((scope) => roleAllows(role, scope, 'GET'));
}

/** True for methods that change state, which a session may only use with its CSRF token. */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
