/** `-m udp`: `--sport` / `--dport`. */
import type { Extension } from '../extension.ts';
import { requireProtocol } from '../extension.ts';
import { PROTO_UDP } from '../protocols.ts';
import { err } from '../result.ts';
import { normalizePorts, PORT_OPTIONS } from './tcp-udp.ts';

export const udpMatch: Extension = {
  name: 'udp',
  options: PORT_OPTIONS,
  normalize(options, ctx) {
    const proto = requireProtocol(ctx, [PROTO_UDP], 'udp match');
    return proto ? err(proto) : normalizePorts(options, false);
  },
};
