/**
 * weave-npc's ipset names: `weave-` + shortName(text), where shortName writes the SHA-1 of the
 * text in base 85, least significant digit first (weave `npc/utils.go`). The default-allow sets of
 * a namespace hash `ingress-default-allow:<ns>` and `egress-default-allow:<ns>`.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** weave-npc's 85 symbols (no comma, space, quote or backslash). */
const SYMBOLS =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789(){}[]+=_$%^!*|/?.;:@#~';

/** weave-npc's `shortName`: SHA-1 of `text` in base 85, least significant digit first. */
export function weaveShortName(text: string): string {
  let n = 0n;
  for (const b of sha1(utf8ToBytes(text))) n = (n << 8n) | BigInt(b);
  const base = BigInt(SYMBOLS.length);
  let out = '';
  while (n > 0n) {
    out += SYMBOLS[Number(n % base)];
    n /= base;
  }
  return out;
}

/**
 * The ipset holding a namespace's pods that no ingress policy selects.
 *
 * @example
 * ingressDefaultAllowSet('default'); // 'weave-;rGqyMIl1HN^cfDki~Z$3]6!N'
 */
export function ingressDefaultAllowSet(namespace: string): string {
  return `weave-${weaveShortName(`ingress-default-allow:${namespace}`)}`;
}

/** The ipset holding a namespace's pods that no egress policy selects. */
export function egressDefaultAllowSet(namespace: string): string {
  return `weave-${weaveShortName(`egress-default-allow:${namespace}`)}`;
}
