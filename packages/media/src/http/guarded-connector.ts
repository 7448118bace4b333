import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { MediaError } from '../errors';
import { classifyAddress, isAddressAllowed, type AddressPolicy } from './address-policy';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Name resolution, injectable so tests can play DNS rebinding without a DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface TlsPolicy {
  /**
   * SHA-256 fingerprint of the one certificate to accept (hex, colons optional). When set, a
   * self-signed certificate is accepted iff it matches; CA validation is not required.
   */
  pinnedFingerprint?: string | null;
  /** Validate the chain and host name when nothing is pinned (default true). */
  rejectUnauthorized?: boolean;
}

export interface GuardedConnectorOptions extends AddressPolicy, TlsPolicy {
  connectTimeoutMs: number;
  resolver?: Resolver;
}

export function normaliseFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/**
 * On a LAN deployment the resolved address helps the owner fix their URL. A SaaS deployment never
 * shows it: the user could otherwise map our internal network by asking what names resolve to.
 */
function blocked(address: string, host: string, policy: AddressPolicy): MediaError {
  const { category, reason } = classifyAddress(address);
  const privateHint = category === 'blocked' ? '' : ' (private networks are not allowed on this deployment)';
  const shown = policy.allowPrivateNetwork ? ` (${address})` : '';
  return new MediaError({
    code: 'blocked_address',
    message: `Refusing to connect to ${host}: it resolves to a ${reason}${shown}${privateHint}`,
    details: policy.allowPrivateNetwork ? { host, address, reason } : { host, reason },
  });
}

/**
 * A `net.connect` lookup that only ever hands out addresses the policy allows. Because the socket
 * connects to exactly what this returns, a name that re-resolves to an internal address between a
 * check and the connect (DNS rebinding) cannot slip through.
 */
function guardedLookup(policy: AddressPolicy, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const allowed = addresses.filter((a) => isAddressAllowed(a.address, policy));
        const first = allowed[0];
        if (!first) {
          const sample = addresses[0]?.address;
          const err =
            sample === undefined
              ? Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
              : blocked(sample, hostname, policy);
          callback(err as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (options.all) {
          // Node's LookupFunction type only models the single-address form.
          (callback as unknown as (e: null, list: ResolvedAddress[]) => void)(null, allowed);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

function verifyTls(socket: TLSSocket, servername: string, tls: TlsPolicy): MediaError | null {
  const cert: PeerCertificate = socket.getPeerCertificate();
  const fingerprint = cert.fingerprint256 ?? null;
  const details = { fingerprint, subject: cert.subject?.CN ?? null, issuer: cert.issuer?.CN ?? null };
  if (tls.pinnedFingerprint) {
    if (fingerprint !== null && normaliseFingerprint(fingerprint) === normaliseFingerprint(tls.pinnedFingerprint)) {
      return null;
    }
    return new MediaError({
      code: 'tls_error',
      message: 'The server presented a different TLS certificate than the pinned one',
      details: { ...details, reason: 'fingerprint_mismatch' },
    });
  }
  if (tls.rejectUnauthorized === false) return null;
  const identityError = socket.authorized ? checkServerIdentity(servername, cert) : undefined;
  if (socket.authorized && !identityError) return null;
  const reason = String(socket.authorizationError ?? identityError?.message ?? 'certificate not trusted');
  return new MediaError({
    code: 'tls_error',
    message: `The server's TLS certificate is not trusted (${reason}); you can pin its fingerprint to accept it`,
    details: { ...details, reason },
  });
}

/**
 * The undici connector used for every user-supplied URL: checks IP-literal hosts and resolved
 * addresses against the policy, and does the TLS verification itself so a rejected certificate's
 * fingerprint can be shown to the user for pinning.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const policy: AddressPolicy = { allowPrivateNetwork: options.allowPrivateNetwork };
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: guardedLookup(policy, options.resolver ?? systemResolver),
    // Verified by hand in verifyTls, after the handshake, with the certificate in hand.
    rejectUnauthorized: false,
  });
  return (connectOptions, callback) => {
    const host = connectOptions.hostname;
    if (isIP(host) !== 0 && !isAddressAllowed(host, policy)) {
      callback(blocked(host, host, policy), null);
      return;
    }
    base(connectOptions, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('connect failed'), null);
        return;
      }
      if (connectOptions.protocol === 'https:') {
        const servername = connectOptions.servername || host;
        const tlsError = verifyTls(socket as TLSSocket, servername, options);
        if (tlsError) {
          socket.destroy();
          callback(tlsError, null);
          return;
        }
      }
      callback(null, socket);
    });
  };
}
