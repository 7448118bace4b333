import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses a user-supplied server URL may reach (the SSRF policy). Judged on the resolved
 * address at connect time, never on the host name, so DNS tricks cannot get around it.
 */
const { IPv4, IPv6 } = ipaddr;
type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

export type AddressCategory = 'public' | 'private' | 'loopback' | 'blocked';

export interface AddressVerdict {
  category: AddressCategory;
  /** Why, in words a user can act on ("link-local", "cloud metadata", ...). */
  reason: string;
}

interface Range {
  cidr: [IPv4, number] | [IPv6, number];
  category: AddressCategory;
  reason: string;
}

// ipaddr.js parses and matches; node:net's isIP stays the gate because ipaddr.js also accepts
// legacy IPv4 forms (octal, hex, fewer than four parts) that a resolver never hands us.
function v4Range(cidr: string, category: AddressCategory, reason: string): Range {
  return { cidr: IPv4.parseCIDR(cidr), category, reason };
}

function v6Range(cidr: string, category: AddressCategory, reason: string): Range {
  return { cidr: IPv6.parseCIDR(cidr), category, reason };
}

// Order matters: the first (most specific) match wins, e.g. the metadata address inside fc00::/7.
const V4_RANGES: Range[] = [
  v4Range('169.254.169.254/32', 'blocked', 'cloud metadata address'),
  v4Range('0.0.0.0/8', 'blocked', '"this network" address (0.0.0.0/8)'),
  v4Range('169.254.0.0/16', 'blocked', 'link-local address'),
  v4Range('224.0.0.0/4', 'blocked', 'multicast address'),
  v4Range('240.0.0.0/4', 'blocked', 'reserved address'),
  v4Range('192.0.0.0/24', 'blocked', 'reserved address (IETF protocol assignments)'),
  v4Range('192.0.2.0/24', 'blocked', 'reserved address (documentation)'),
  v4Range('198.51.100.0/24', 'blocked', 'reserved address (documentation)'),
  v4Range('203.0.113.0/24', 'blocked', 'reserved address (documentation)'),
  v4Range('198.18.0.0/15', 'blocked', 'reserved address (benchmarking)'),
  v4Range('127.0.0.0/8', 'loopback', 'loopback address'),
  v4Range('10.0.0.0/8', 'private', 'private network address'),
  v4Range('172.16.0.0/12', 'private', 'private network address'),
  v4Range('192.168.0.0/16', 'private', 'private network address'),
  v4Range('100.64.0.0/10', 'private', 'carrier-grade NAT / VPN address (100.64.0.0/10)'),
];

const V6_RANGES: Range[] = [
  v6Range('fd00:ec2::254/128', 'blocked', 'cloud metadata address'),
  v6Range('::/128', 'blocked', 'unspecified address'),
  v6Range('::1/128', 'loopback', 'loopback address'),
  v6Range('fe80::/10', 'blocked', 'link-local address'),
  v6Range('fec0::/10', 'blocked', 'reserved address (deprecated site-local)'),
  v6Range('ff00::/8', 'blocked', 'multicast address'),
  v6Range('2001:db8::/32', 'blocked', 'reserved address (documentation)'),
  v6Range('100::/64', 'blocked', 'reserved address (discard prefix)'),
  v6Range('::/96', 'blocked', 'reserved address (IPv4-compatible IPv6)'),
  v6Range('fc00::/7', 'private', 'private network address (unique local)'),
];

function classifyV4(ip: IPv4): AddressVerdict {
  const hit = V4_RANGES.find((r) => ip.match(r.cidr as [IPv4, number]));
  return hit ? { category: hit.category, reason: hit.reason } : { category: 'public', reason: 'public address' };
}

/** IPv6 prefixes whose last 32 bits are an IPv4 address the packet really goes to. */
const V4_CARRYING: [IPv6, number][] = [
  IPv6.parseCIDR('::ffff:0:0/96'), // IPv4-mapped
  IPv6.parseCIDR('::ffff:0:0:0/96'), // IPv4-translated
  IPv6.parseCIDR('64:ff9b::/96'), // NAT64
];
const SIX_TO_FOUR = IPv6.parseCIDR('2002::/16');

function v4FromGroups(high: number, low: number): IPv4 {
  return new IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 address an IPv6 form carries, judged as that address; null when it carries none. */
function embeddedV4(ip: IPv6): IPv4 | null {
  const g = ip.parts;
  if (V4_CARRYING.some((range) => ip.match(range))) return v4FromGroups(g[6] ?? 0, g[7] ?? 0);
  // 6to4 carries the IPv4 address in bits 16..48.
  if (ip.match(SIX_TO_FOUR)) return v4FromGroups(g[1] ?? 0, g[2] ?? 0);
  return null;
}

/**
 * ipaddr.js reads any trailing dotted quad as IPv4-mapped (`::127.0.0.1` becomes `::ffff:127.0.0.1`),
 * which would turn the deprecated IPv4-compatible form (blocked) into loopback; spell the quad as two
 * hex groups first so the address keeps its real bits.
 */
function parseV6(ip: string): IPv6 {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (!dotted?.[1]) return IPv6.parse(ip);
  const [a = 0, b = 0, c = 0, d = 0] = IPv4.parse(dotted[1]).octets;
  const groups = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return IPv6.parse(`${ip.slice(0, -dotted[1].length)}${groups}`);
}

/** Classifies an IP address literal; anything that is not a valid IP is blocked. */
export function classifyAddress(address: string): AddressVerdict {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return classifyV4(IPv4.parse(ip));
  if (family !== 6) return { category: 'blocked', reason: 'not an IP address' };
  const value = parseV6(ip);
  const v4 = embeddedV4(value);
  if (v4 !== null) return classifyV4(v4);
  const hit = V6_RANGES.find((r) => value.match(r.cidr as [IPv6, number]));
  return hit ? { category: hit.category, reason: hit.reason } : { category: 'public', reason: 'public address' };
}

export interface AddressPolicy {
  /** Loopback and private ranges are reachable only when the deployment allows it (self-hosting). */
  allowPrivateNetwork: boolean;
}

export function isAddressAllowed(address: string, policy: AddressPolicy): boolean {
  const { category } = classifyAddress(address);
  if (category === 'public') return true;
  if (category === 'blocked') return false;
  return policy.allowPrivateNetwork;
}
