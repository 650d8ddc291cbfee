import type { RequestHandler } from 'express';
import ipaddr from 'ipaddr.js';
import { ConfigError } from '@satupintu/core';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Headers a proxy uses to tell who the client was and how it came in. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-prefix', 'x-real-ip', 'forwarded'] as const;

/** An address as one family: `::ffff:10.0.0.1` is 10.0.0.1 (a dual-stack socket reports IPv4 peers so). */
function normalize(addr: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  try {
    return ipaddr.process(addr.replace(/%.*$/, ''));
  } catch {
    return undefined;
  }
}

/**
 * `TRUSTED_PROXIES` (config.trustedProxies) as a predicate over peer addresses: each entry an IPv4
 * or IPv6 address, or a CIDR range. Entries are checked here, so a typo stops the start
 * (IPv4 only in dotted four-part decimal: `2852039166` or `0xa9fea9fe` are refused, not guessed).
 */
export function trustedProxies(entries: readonly string[]): (addr: string | undefined) => boolean {
  const ranges: Range[] = [];
  const bad: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const [ip, bits] = entry.split('/');
    const v4 = ipaddr.IPv4.isValidFourPartDecimal(ip ?? '');
    if (!v4 && !ipaddr.IPv6.isValid(ip ?? '')) {
      bad.push(raw);
      continue;
    }
    const addr = v4 ? ipaddr.IPv4.parse(ip!) : ipaddr.IPv6.parse(ip!);
    const max = addr.kind() === 'ipv4' ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!(prefix >= 0 && prefix <= max)) {
      bad.push(raw);
      continue;
    }
    ranges.push([addr, prefix]);
    // An IPv4 proxy may also appear as ::ffff:a.b.c.d; normalize() folds those back to IPv4.
  }
  if (bad.length) throw new ConfigError(`TRUSTED_PROXIES: not an IP address or CIDR range: ${bad.join(', ')}`);
  if (!ranges.length) return () => false;
  return (addr) => {
    if (!addr) return false;
    const a = normalize(addr);
    if (!a) return false;
    return ranges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));
  };
}

/** Is this address a loopback address (127.0.0.0/8, ::1, or either mapped)? */
export function isLoopback(addr: string | undefined): boolean {
  const a = addr ? normalize(addr) : undefined;
  return a !== undefined && a.range() === 'loopback';
}

/** Did the request arrive with any forwarding header (as sent, before `forwardedHeaders` removed any)? */
export function wasForwarded(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) if ((FORWARDING_HEADERS as readonly string[]).includes(rawHeaders[i]!.toLowerCase())) return true;
  return false;
}

/**
 * Forwarding headers count only from a configured proxy: from any other peer (a local process
 * included) X-Forwarded-*, X-Real-IP and Forwarded are removed before anything reads them — the
 * rate limits' client address (req.ip, with Express's `trust proxy` set from the same list),
 * req.protocol, and the embedded issuer (which trusts its proxy headers) behind this handler.
 */
export function forwardedHeaders(isTrusted: (addr: string | undefined) => boolean): RequestHandler {
  return (req, _res, next) => {
    if (!isTrusted(req.socket.remoteAddress)) for (const h of FORWARDING_HEADERS) if (h in req.headers) delete req.headers[h];
    next();
  };
}
