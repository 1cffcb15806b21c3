import { createRequire } from 'node:module';
import type * as IpAddr from 'ipaddr.js';

// ipaddr.js is CommonJS typed with `export =`, which an ES module without esModuleInterop loads so.
const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof IpAddr;
type IPv6 = ReturnType<typeof ipaddr.IPv6.parse>;

/** Whether a webhook may reach an address, and if not, which range keeps it out. */
export type AddressVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * IPv6 forms that carry an IPv4 address inside (IPv4-mapped, NAT64, 6to4, Teredo, IPv4-translated):
 * a network may route them to that IPv4 address, loopback or private included, so none is a
 * webhook target; a receiver on IPv4 is reached by its IPv4 address.
 */
const EMBEDS_IPV4 = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

/** IPv6 blocks outside ipaddr.js's named ranges, or that it calls unicast, where no receiver lives. */
const SPECIAL_IPV6: readonly [string, IPv6, number][] = [
  ['ipv4Compatible', ipaddr.IPv6.parse('::'), 96],
  ['rfc8215', ipaddr.IPv6.parse('64:ff9b:1::'), 48],
  ['ietfProtocolAssignments', ipaddr.IPv6.parse('2001::'), 23],
  ['documentation', ipaddr.IPv6.parse('2001:db8::'), 32],
  ['documentation', ipaddr.IPv6.parse('3fff::'), 20],
];
const GLOBAL_UNICAST_IPV6 = ipaddr.IPv6.parse('2000::');

/**
 * Where a webhook may be sent: only globally routable unicast addresses. Refused are loopback,
 * private, shared (carrier-grade NAT), link-local (cloud metadata lives there), unique- and
 * site-local, multicast, broadcast, unspecified, documentation, benchmarking and reserved ranges,
 * and every IPv6 form that embeds an IPv4 address. An allow list (IPv4 `unicast`, IPv6 inside
 * 2000::/3) so a range nobody thought of stays out. `address` is an IP literal, IPv6 without brackets.
 */
export function classifyAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: 'notAnAddress' };
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (parsed.kind() === 'ipv4')
    return range === 'unicast' ? { allowed: true } : { allowed: false, reason: range };
  // Named ranges first (so ::1 is loopback, not IPv4-compatible); the embedding forms are among them.
  if (range !== 'unicast' || EMBEDS_IPV4.has(range)) return { allowed: false, reason: range };
  const ipv6 = parsed as IPv6;
  const special = SPECIAL_IPV6.find(([, network, bits]) => ipv6.match(network, bits));
  if (special !== undefined) return { allowed: false, reason: special[0] };
  if (!ipv6.match(GLOBAL_UNICAST_IPV6, 3)) return { allowed: false, reason: 'notGlobalUnicast' };
  return { allowed: true };
}

/** True when a webhook may be sent to `address` (an IP address, v4 or v6). */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).allowed;
}
