import { describe, expect, test } from 'vitest';
import { weavePeers } from './weave-peers.ts';

describe('weavePeers', () => {
  test('unique 12-bit short ids even with many nodes; MAC-like peer names', () => {
    const names = Array.from({ length: 300 }, (_, i) => `worker-${i}`);
    const peers = weavePeers(names);
    const ids = names.map((n) => peers.get(n)!.shortId);
    expect(new Set(ids).size).toBe(300);
    for (const id of ids) expect(id >= 0 && id < 4096).toBe(true);
    expect(peers.get('worker-0')!.name).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
  });

  test('deterministic', () => {
    expect(weavePeers(['master', 'node1'])).toEqual(weavePeers(['master', 'node1']));
  });
});
