/** `-m sctp`: `--sport` / `--dport` (chunk-type matching is not modelled). */
import type { Extension } from '../extension.ts';
import { requireProtocol } from '../extension.ts';
import { PROTO_SCTP } from '../protocols.ts';
import { err } from '../result.ts';
import { normalizePorts, PORT_OPTIONS } from './tcp-udp.ts';

export const sctpMatch: Extension = {
  name: 'sctp',
  options: PORT_OPTIONS,
  normalize(options, ctx) {
    const proto = requireProtocol(ctx, [PROTO_SCTP], 'sctp match');
    return proto ? err(proto) : normalizePorts(options, true);
  },
};
