import { describe, expect, it } from 'vitest';
import type { EndpointSlice, LegacyEndpoints } from './api-types.ts';
import { endpointSlice, node } from './testing.ts';
import {
  validateEndpoints,
  validateEndpointSlice,
  validateNode,
} from './validate-network-objects.ts';

describe('validateNode', () => {
  it('accepts a node with an InternalIP', () => {
    expect(validateNode(node({ name: 'w1', ip: '192.168.56.11' }))).toEqual([]);
  });

  it('requires an address podpath can place the node at', () => {
    const n = node({ name: 'w1', ip: 'x' });
    expect(validateNode(n).map((e) => e.message)).toEqual([
      'status.addresses[0].address: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      "status.addresses: Required value: podpath needs the node's InternalIP (status.addresses[].type: InternalIP) to place it on the network",
    ]);
  });

  it('checks taints and pod CIDRs', () => {
    const n = node({
      name: 'w1',
      ip: '10.0.0.1',
      taints: [
        { key: 'k', effect: 'Never' },
        { key: '', effect: 'NoSchedule' },
      ],
      podCIDR: '10.244.1.0/33',
    });
    expect(validateNode(n).map((e) => e.message)).toEqual([
      'spec.taints[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'spec.taints[1].key: Invalid value: "": name part must be non-empty',
      'spec.podCIDR: Invalid value: "10.244.1.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.podCIDRs[0]: Invalid value: "10.244.1.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
  });
});

describe('validateEndpointSlice', () => {
  it('accepts a valid slice', () => {
    expect(validateEndpointSlice(endpointSlice('web-abc', 'web', ['10.0.0.1']))).toEqual([]);
  });

  it('checks address type, addresses and ports', () => {
    const s: EndpointSlice = {
      ...endpointSlice('web-abc', 'web', ['10.0.0.1']),
      addressType: 'IPv4',
      endpoints: [{ addresses: ['fd00::1'] }, { addresses: [] }],
      ports: [
        { name: 'http', port: 0 },
        { name: 'http', port: 80, protocol: 'ICMP' },
      ],
    };
    expect(validateEndpointSlice(s).map((e) => e.message)).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
      'endpoints[1].addresses: Required value: must contain at least 1 address',
      'ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'ports[1].name: Duplicate value: "http"',
      'ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(
      validateEndpointSlice({ ...s, addressType: 'IPv5', endpoints: [], ports: [] }).map(
        (e) => e.message,
      ),
    ).toEqual(['addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"']);
  });
});

describe('validateEndpoints', () => {
  it('checks addresses and port names', () => {
    const ep: LegacyEndpoints = {
      metadata: { name: 'db' },
      subsets: [
        { addresses: [{ ip: '10.0.0.300' }], ports: [{ name: 'a', port: 5432 }, { port: 5433 }] },
      ],
    };
    expect(validateEndpoints(ep).map((e) => e.message)).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].ports[1].name: Required value',
    ]);
  });
});
