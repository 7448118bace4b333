import { isIP } from 'node:net';

/**
 * Which addresses a user-supplied server URL may reach (the SSRF policy). Judged on the resolved
 * address at connect time, never on the host name, so DNS tricks cannot get around it.
 */
export type AddressCategory = 'public' | 'private' | 'loopback' | 'blocked';

export interface AddressVerdict {
  category: AddressCategory;
  /** Why, in words a user can act on ("link-local", "cloud metadata", ...). */
  reason: string;
}

interface Range {
  base: bigint;
  prefix: number;
  category: AddressCategory;
  reason: string;
}

const V4_BITS = 32;
const V6_BITS = 128;

function v4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Expands any valid IPv6 text form (with `::` and a trailing dotted quad) to a 128-bit integer. */
function v6ToBigInt(ip: string): bigint {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = v4ToBigInt(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function v4Range(cidr: string, category: AddressCategory, reason: string): Range {
  const [base = '', prefix = '32'] = cidr.split('/');
  return { base: v4ToBigInt(base), prefix: Number(prefix), category, reason };
}

function v6Range(cidr: string, category: AddressCategory, reason: string): Range {
  const [base = '', prefix = '128'] = cidr.split('/');
  return { base: v6ToBigInt(base), prefix: Number(prefix), category, reason };
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

function matches(value: bigint, range: Range, bits: number): boolean {
  const shift = BigInt(bits - range.prefix);
  return value >> shift === range.base >> shift;
}

function classifyV4(ip: string): AddressVerdict {
  const value = v4ToBigInt(ip);
  const hit = V4_RANGES.find((r) => matches(value, r, V4_BITS));
  return hit ? { category: hit.category, reason: hit.reason } : { category: 'public', reason: 'public address' };
}

/** IPv6 forms that carry an IPv4 address the packet really goes to; judged as that IPv4 address. */
function embeddedV4(value: bigint): string | null {
  const low32 = value & 0xffffffffn;
  const asText = [24n, 16n, 8n, 0n].map((s) => String((low32 >> s) & 0xffn)).join('.');
  if (value >> 32n === 0xffffn) return asText; // ::ffff:a.b.c.d (IPv4-mapped)
  if (value >> 32n === 0xffff0000n) return asText; // ::ffff:0:a.b.c.d (IPv4-translated)
  if (value >> 32n === 0x64ff9b0000000000000000n) return asText; // 64:ff9b::/96 (NAT64)
  if (value >> 112n === 0x2002n) {
    // 6to4 carries the IPv4 address in bits 16..48.
    const v4 = (value >> 80n) & 0xffffffffn;
    return [24n, 16n, 8n, 0n].map((s) => String((v4 >> s) & 0xffn)).join('.');
  }
  return null;
}

/** Classifies an IP address literal; anything that is not a valid IP is blocked. */
export function classifyAddress(address: string): AddressVerdict {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return classifyV4(ip);
  if (family !== 6) return { category: 'blocked', reason: 'not an IP address' };
  const value = v6ToBigInt(ip.toLowerCase());
  const v4 = embeddedV4(value);
  if (v4 !== null) return classifyV4(v4);
  const hit = V6_RANGES.find((r) => matches(value, r, V6_BITS));
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
