/**
 * An IPv4 address configured on an interface (`ip addr add 10.36.0.0/12 dev weave`): what the
 * kernel derives routes and the source address from.
 */

/** `ifa_scope`: `host` for loopback addresses, `global` for everything podpath configures. */
export type AddressScope = 'global' | 'link' | 'host';

export interface InterfaceAddress {
  /** Device the address is on. */
  readonly dev: string;
  /** The address itself (`inet 10.36.0.0/12` → `10.36.0.0`). */
  readonly address: string;
  /** Prefix length (`/12`). */
  readonly prefix: number;
  /** Broadcast address (`brd`); null when none is set (loopback, /31, /32). */
  readonly broadcast: string | null;
  /** Scope. */
  readonly scope: AddressScope;
}
