/**
 * What routing needs to know about a network namespace: its interfaces' addresses (for the
 * source address) and its routes. The CNI model's `NetNamespace` is one of these.
 */
import type { InterfaceAddress } from './interface-address.ts';
import type { Route } from './route.ts';

export interface RoutingInterface {
  /** Device name (`eth0`, `weave`). */
  readonly name: string;
  /** Its IPv4 addresses, primary first. */
  readonly addresses: readonly InterfaceAddress[];
}

export interface RoutingNamespace {
  /** Interfaces in ifindex order. */
  readonly interfaces: readonly RoutingInterface[];
  /** Routes of every table (each route names its table). */
  readonly routes: readonly Route[];
}
