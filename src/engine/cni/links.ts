/** Builders for the link types podpath's nodes and pods have, with the flags iproute2 shows. */
import type { InterfaceAddress } from '../routing/interface-address.ts';
import { LOOPBACK_ADDRESS } from './addresses.ts';
import { LOOPBACK_MTU } from './constants.ts';
import type { NetInterface } from './network-model.ts';

/** Flags of an Ethernet-like device that is up with carrier. */
export const UP_FLAGS: readonly string[] = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];
/** Flags of a bridge that is up but has no port with carrier (docker0 before any container). */
export const NO_CARRIER_FLAGS: readonly string[] = ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'];

/** Fields every builder fills in the same way unless told otherwise. */
const BASE = {
  qdisc: 'noqueue',
  flags: UP_FLAGS,
  state: 'UP',
  master: null,
  peer: null,
  qlen: null,
  hairpin: false,
  addresses: [],
} as const;

type LinkFields = Partial<NetInterface> &
  Pick<NetInterface, 'index' | 'name' | 'kind' | 'mac' | 'mtu'>;

/** A link with iproute2's usual defaults (`noqueue`, up with carrier, no master). */
export function link(fields: LinkFields): NetInterface {
  return { ...BASE, ...fields };
}

/** `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 … state UNKNOWN … qlen 1000` with 127.0.0.1/8. */
export function loopback(): NetInterface {
  return link({
    index: 1,
    name: 'lo',
    kind: 'loopback',
    mac: '00:00:00:00:00:00',
    mtu: LOOPBACK_MTU,
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
    state: 'UNKNOWN',
    qlen: 1000,
    addresses: [LOOPBACK_ADDRESS],
  });
}

/** Every address of a namespace's interfaces, in ifindex order. */
export function addressesOf(interfaces: readonly NetInterface[]): InterfaceAddress[] {
  return interfaces.flatMap((i) => i.addresses);
}
