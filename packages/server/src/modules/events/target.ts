import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a signed event (or the deprecated complaint webhook) may be sent (SSRF defence, docs/security.md). A target is checked twice:
 *
 * - when it is configured (`urlRefusal`): the URL's own host — an address in any spelling the URL
 *   parser normalises (`2852039166`, `0x7f.1`, `0177.0.0.1`, `[::ffff:a9fe:a9fe]`) or a local name
 *   (`localhost`, single labels such as `metadata`, `.internal`, `.local`…) — is refused;
 * - at every delivery (`resolveTarget`), which is the check that counts: the name is resolved
 *   (`dns.lookup`, all addresses), the delivery is refused if ANY address is outside the public
 *   unicast space (private, loopback, link-local/metadata, CGNAT, unique-local, multicast,
 *   reserved, documentation, IPv4-mapped/NAT64/6to4/Teredo forms of those…), and the connection
 *   goes to the address that was checked (a `lookup` pinned on the request), so a second
 *   resolution cannot rebind it.
 *
 * Production sends over https only. Loopback targets (127.0.0.0/8, ::1, `localhost`) are allowed
 * only outside production and only when the module is told so (`allowLoopbackTargets`, for local
 * test receivers). Every failure to reach a target — refused by this policy, unresolvable,
 * refused, reset, TLS, timeout — is recorded as the same `TARGET_FAILURE`, with no port, banner or
 * timing detail, so the delivery log cannot be used to map a network.
 */

export const TARGET_FAILURE = 'target refused or unreachable';

export interface TargetPolicy {
  env: 'development' | 'production';
  /** Loopback targets for local test receivers: never in production. */
  allowLoopback: boolean;
  /**
   * A host on the government network: a private IPv4 address (RFC 1918) or a dotted intranet name.
   * SIMPONI only (its production host is 10.242.x.x); loopback, link-local / metadata and the rest
   * of the reserved space stay refused.
   */
  allowPrivateNetwork?: boolean;
}

/** Every address a name resolves to. */
export type Resolver = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** Names that resolve inside a network (RFC 6761, 6762, 8375, ICANN's .internal) or in a search domain. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.localdomain', '.internal', '.home.arpa', '.lan', '.intranet', '.corp', '.home'];

const loopbackAllowed = (p: TargetPolicy) => p.allowLoopback && p.env !== 'production';

/** The host without IPv6 brackets or a trailing dot, lower case. */
export function bareHost(hostname: string): string {
  const h = hostname.toLowerCase();
  return (h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h).replace(/\.$/, '');
}

/**
 * Whether a webhook may connect to this address: public IPv4 unicast, or IPv6 global unicast
 * (2000::/3) outside every special range; an IPv4-mapped IPv6 address is judged as its IPv4.
 */
export function addressAllowed(address: string, policy: TargetPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'loopback') return loopbackAllowed(policy);
  if (ip.kind() === 'ipv4') return range === 'unicast' || (range === 'private' && policy.allowPrivateNetwork === true);
  return range === 'unicast' && ip instanceof ipaddr.IPv6 && ip.match(GLOBAL_UNICAST_V6);
}

/** Why a host is refused before any resolution (an address outside the public space, a local name), or null. */
export function hostRefusal(hostname: string, policy: TargetPolicy): 'address' | 'local-name' | null {
  const host = bareHost(hostname);
  if (isIP(host)) return addressAllowed(host, policy) ? null : 'address';
  if (host === 'localhost' || host.endsWith('.localhost')) return loopbackAllowed(policy) ? null : 'local-name';
  if (!host.includes('.')) return 'local-name';
  if (LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return policy.allowPrivateNetwork ? null : 'local-name';
  return null;
}

/** Why a configured URL is refused (in English and Indonesian), or null: the configuration-time check. */
export function urlRefusal(raw: string, policy: TargetPolicy): { en: string; id: string } | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { en: 'Not an absolute URL.', id: 'Bukan URL absolut.' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { en: 'Only http and https URLs are accepted.', id: 'Hanya URL http atau https.' };
  if (policy.env === 'production' && u.protocol !== 'https:') return { en: 'Only https URLs are accepted.', id: 'Hanya URL https yang diterima.' };
  if (u.username || u.password) return { en: 'Credentials in the URL are not allowed; the body is signed instead.', id: 'Kredensial di URL tidak diizinkan; badan pesan ditandatangani.' };
  if (u.hash) return { en: 'A URL fragment is not allowed.', id: 'Fragmen URL tidak diizinkan.' };
  if (hostRefusal(u.hostname, policy))
    return {
      en: 'The target must be a public address: private, loopback, link-local, metadata and other reserved addresses, and local names, are not accepted.',
      id: 'Tujuan harus alamat publik: alamat privat, loopback, link-local, metadata dan alamat khusus lainnya, serta nama lokal, tidak diterima.',
    };
  return null;
}

/** The checked address a delivery connects to. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * The delivery-time check: the URL's scheme (https in production), its host, and every address it
 * resolves to now. Undefined when any of them is refused or the name does not resolve.
 */
export async function resolveTarget(raw: string, policy: TargetPolicy, resolver: Resolver = systemResolver): Promise<CheckedTarget | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (urlRefusal(raw, policy)) return undefined;
  const host = bareHost(url.hostname);
  let addresses: readonly { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolver(host);
    } catch {
      return undefined;
    }
  }
  if (!addresses.length || addresses.some((a) => !addressAllowed(a.address, policy))) return undefined;
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` that answers only the checked address: the socket cannot resolve the name again. */
function pinned(t: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: t.address, family: t.family }]);
    else callback(null, t.address, t.family);
  };
}

/** What a receiver answered: its status, its Retry-After (seconds, when given) and at most 200 characters of its body. */
export interface TargetAnswer {
  status: number;
  retryAfterSeconds: number | null;
  excerpt: string;
}

/** The most of a receiver's body that is kept (the attempt log shows it; nothing more is read). */
export const EXCERPT_CHARS = 200;

/** Retry-After as seconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * POSTs `body` to the checked target and answers its status, Retry-After and the first 200
 * characters of its body (the rest is not read). Rejects on any failure to reach it, including
 * `timeoutMs` passing; redirects are not followed. TLS is verified against the URL's host name.
 */
export function sendTo(t: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number, now: Date = new Date()): Promise<TargetAnswer> {
  return exchange(t, headers, body, timeoutMs, (res, done) => {
    let excerpt = '';
    const retryAfter = retryAfterSeconds(typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined, now);
    const finish = () => done({ status: res.statusCode ?? 0, retryAfterSeconds: retryAfter, excerpt: excerpt.slice(0, EXCERPT_CHARS) });
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      excerpt += chunk;
      if (excerpt.length >= EXCERPT_CHARS) {
        finish();
        res.destroy();
      }
    });
    res.on('end', finish);
    res.on('error', finish);
  });
}

/**
 * POSTs `body` to the checked target and answers its status code (the response body is not
 * read). Rejects on any failure to reach it, including `timeoutMs` passing; redirects are not
 * followed. TLS is verified against the URL's host name.
 */
export function postTo(t: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  return exchange(t, headers, body, timeoutMs, (res, done) => {
    done(res.statusCode ?? 0);
    res.destroy();
  });
}

function exchange<T>(t: CheckedTarget, headers: Record<string, string>, body: string, timeoutMs: number, onResponse: (res: http.IncomingMessage, done: (v: T) => void) => void): Promise<T> {
  const host = bareHost(t.url.hostname);
  const secure = t.url.protocol === 'https:';
  const options: https.RequestOptions = {
    method: 'POST',
    host: isIP(host) ? t.address : host,
    port: t.url.port ? Number(t.url.port) : secure ? 443 : 80,
    path: `${t.url.pathname}${t.url.search}`,
    headers: { ...headers, host: t.url.host, 'content-length': String(Buffer.byteLength(body)) },
    // A connection of its own: no socket reused from a check made for another address.
    agent: false,
    lookup: pinned(t),
    ...(secure && !isIP(host) ? { servername: host } : {}),
  };
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const req = (secure ? https : http).request(options);
    const timer = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('response', (res) => {
      onResponse(res, (v) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(v);
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(e);
    });
    req.end(body);
  });
}
