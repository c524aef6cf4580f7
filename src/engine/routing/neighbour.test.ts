import { describe, expect, test } from 'vitest';
import {
  formatArpReply,
  formatArpRequest,
  formatHostUnreachable,
  formatNeighbour,
  resolveNeighbour,
} from './neighbour.ts';

const REQUEST = {
  dev: 'eth0',
  targetIP: '172.17.0.3',
  senderIP: '172.17.0.2',
  senderMac: '02:42:ac:11:00:02',
};

describe('neighbour resolution', () => {
  test('an answered request leaves a REACHABLE entry', () => {
    const r = resolveNeighbour(REQUEST, '02:42:ac:11:00:03');
    expect(r).toEqual({ state: 'REACHABLE', request: REQUEST, lladdr: '02:42:ac:11:00:03' });
    expect(formatNeighbour(r)).toBe('172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE');
  });

  test('nobody answers: FAILED after 3 probes (≈3 s), EHOSTUNREACH (datapath.md §2.3)', () => {
    const r = resolveNeighbour(REQUEST, null);
    expect(r).toMatchObject({ state: 'FAILED', probes: 3, elapsedMs: 3000, errno: 'EHOSTUNREACH' });
    expect(formatNeighbour(r)).toBe('172.17.0.3 dev eth0 FAILED');
    expect(formatHostUnreachable(REQUEST.senderIP)).toBe(
      'From 172.17.0.2 icmp_seq=1 Destination Host Unreachable',
    );
  });

  test('tcpdump lines', () => {
    expect(formatArpRequest(REQUEST)).toBe(
      'ARP, Request who-has 172.17.0.3 tell 172.17.0.2, length 28',
    );
    expect(formatArpReply('172.17.0.3', '02:42:ac:11:00:03')).toBe(
      'ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03, length 28',
    );
  });
});
