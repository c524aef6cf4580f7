/** The state bits `-m conntrack --ctstate` and `-m state --state` test a packet against. */
import {
  IPS_ASSURED,
  IPS_CONFIRMED,
  IPS_DST_NAT,
  IPS_EXPECTED,
  IPS_SEEN_REPLY,
  IPS_SRC_NAT,
} from '../conntrack-entry.ts';
import type { CtInfo } from '../context.ts';

const STATE_BITS: Readonly<Record<string, number>> = {
  INVALID: 1 << 0,
  ESTABLISHED: 1 << 1,
  RELATED: 1 << 2,
  NEW: 1 << 3,
  UNTRACKED: 1 << 4,
  SNAT: 1 << 5,
  DNAT: 1 << 6,
};

const STATUS_BITS: Readonly<Record<string, number>> = {
  NONE: 0,
  EXPECTED: IPS_EXPECTED,
  SEEN_REPLY: IPS_SEEN_REPLY,
  ASSURED: IPS_ASSURED,
  CONFIRMED: IPS_CONFIRMED,
};

function parseList(text: string, bits: Readonly<Record<string, number>>): number | null {
  let mask = 0;
  for (const name of text.split(',')) {
    const bit = bits[name];
    if (bit === undefined) return null;
    mask |= bit;
  }
  return mask;
}

/** A stored `--ctstate`/`--state` list as a mask, or null. */
export function parseStateList(text: string): number | null {
  return parseList(text, STATE_BITS);
}

/** A stored `--ctstatus` list as `IPS_*` bits, or null. */
export function parseStatusList(text: string): number | null {
  return parseList(text, STATUS_BITS);
}

/** The packet's state bit, plus SNAT/DNAT when the connection is NATed (conntrack only). */
export function stateBits(ct: CtInfo, withNat: boolean): number {
  let bits = STATE_BITS[ct.state] ?? 0;
  const status = ct.entry?.status ?? 0;
  if (withNat && ct.state !== 'INVALID' && ct.state !== 'UNTRACKED') {
    if (status & IPS_SRC_NAT) bits |= STATE_BITS.SNAT as number;
    if (status & IPS_DST_NAT) bits |= STATE_BITS.DNAT as number;
  }
  return bits;
}
