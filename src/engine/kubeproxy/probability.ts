/**
 * The probabilities kube-proxy writes for `statistic --mode random` (kube-proxy-iptables.md §4.6):
 * 1/k printed like Go's `%0.10f` (exact decimal value of the double, ties to even).
 */

/** Formats a finite non-negative double with `digits` decimals exactly as Go's %.Nf does. */
export function formatFixedGo(x: number, digits: number): string {
  if (!Number.isFinite(x) || x < 0) return x.toFixed(digits);
  // Exact rational value of the double: mantissa * 2^exponent.
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  const scale = 10n ** BigInt(digits);
  let num = mantissa * scale;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let q = num / den;
  const rem = num - q * den;
  const twice = rem * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** The probability printed for the rule that picks among the last `k` endpoints. */
export function probabilityText(k: number): string {
  let text = memo.get(k);
  if (text === undefined) {
    text = formatFixedGo(1 / k, 10);
    memo.set(k, text);
  }
  return text;
}

const memo = new Map<number, string>();
