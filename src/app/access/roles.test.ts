import { describe, expect, it } from 'vitest';
import { roleAllows, scopesOf } from './roles.js';
import { SCOPES } from './scopes.js';

describe('console roles', () => {
  it.each([
    ['viewer', 'catalog:write', 'GET', true],
    ['viewer', 'catalog:write', 'PUT', false],
    ['viewer', 'promotions:write', 'DELETE', false],
    ['viewer', 'storefront', 'POST', true],
    ['viewer', 'keys:manage', 'GET', false],
    ['viewer', 'users:manage', 'GET', false],
    ['editor', 'catalog:write', 'PUT', true],
    ['editor', 'experiments:write', 'DELETE', true],
    ['editor', 'profiles:erase', 'DELETE', false],
    ['editor', 'events:write', 'POST', false],
    ['editor', 'orders:write', 'POST', false],
    ['editor', 'customer-tokens:create', 'POST', false],
    ['editor', 'keys:manage', 'POST', false],
    ['editor', 'users:manage', 'GET', false],
    ['admin', 'users:manage', 'POST', true],
    ['admin', 'keys:manage', 'DELETE', true],
    ['admin', 'profiles:erase', 'DELETE', true],
  ] as const)('%s may %s with %s: %s', (role, scope, method, allowed) => {
    expect(roleAllows(role, scope, method)).toBe(allowed);
  });

  it('gives an admin every scope, and the others all but users and keys', () => {
    expect(scopesOf('admin')).toEqual([...SCOPES]);
    for (const role of ['editor', 'viewer'] as const) {
      expect(scopesOf(role)).toEqual(
        SCOPES.filter((scope) => scope !== 'keys:manage' && scope !== 'users:manage'),
      );
    }
  });
});
