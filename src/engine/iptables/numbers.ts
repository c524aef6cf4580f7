/** Numbers as iptables reads them (strtoul with base 0) and prints them. */

const UINT_TEXT = /^\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;

/** Parses an unsigned integer like xtables_strtoui: decimal, `0x` hex or `0` octal; null if not in [min, max]. */
export function parseUint(text: string, min = 0, max = 0xffffffff): number | null {
  if (!UINT_TEXT.test(text)) return null;
  const body = text.startsWith('+') ? text.slice(1) : text;
  let value: number;
  if (/^0[xX]/.test(body)) value = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body.slice(1), 8);
  else value = parseInt(body, 10);
  if (!Number.isSafeInteger(value) || value < min || value > max) return null;
  return value;
}

/** `0x` + lower-case hex without padding, like printf("0x%x"). */
export function formatHex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}

/** A 32-bit value split into `value/mask` (mask defaults to all ones), or null. */
export function parseValueMask(text: string): { value: number; mask: number } | null {
  const slash = text.indexOf('/');
  const value = parseUint(slash < 0 ? text : text.slice(0, slash));
  const mask = slash < 0 ? 0xffffffff : parseUint(text.slice(slash + 1));
  if (value === null || mask === null) return null;
  return { value, mask };
}

const TWO_31 = 0x80000000;
const DECIMAL = /^[+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/**
 * The statistic match keeps a probability as round(p·2³¹) (lround); null if `text` is not a
 * number in [0, 1].
 */
export function parseProbability(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const p = Number(text);
  if (!(p >= 0 && p <= 1)) return null;
  return Math.round(p * TWO_31);
}

const SCALE = 10n ** 20n;

/** Printed probabilities by stored value (kube-proxy repeats the same few); kept small. */
const PRINTED_PROBABILITIES = new Map<number, string>();

/**
 * Prints a stored probability as iptables does (`%.11f` of stored/2³¹). The value is exact in
 * binary, so this rounds its exact decimal expansion, half to even like glibc's printf.
 */
export function formatProbability(stored: number): string {
  let text = PRINTED_PROBABILITIES.get(stored);
  if (text === undefined) {
    text = printProbability(stored);
    if (PRINTED_PROBABILITIES.size < 4096) PRINTED_PROBABILITIES.set(stored, text);
  }
  return text;
}

function printProbability(stored: number): string {
  // stored / 2^31 = stored * 5^31 / 10^31; keep 11 decimals, i.e. drop 20 digits.
  const exact = BigInt(stored) * 5n ** 31n;
  let q = exact / SCALE;
  const r = exact % SCALE;
  if (2n * r > SCALE || (2n * r === SCALE && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(12, '0');
  return `${digits.slice(0, -11)}.${digits.slice(-11)}`;
}
