import { describe, expect, test } from 'vitest';
import { josa } from './josa.ts';

describe('josa', () => {
  test.each([
    ['10.36.0.1:80', '으로/로', '10.36.0.1:80으로'],
    ['10.44.0.1', '으로/로', '10.44.0.1로'],
    ['node1', '으로/로', 'node1로'],
    ['eth0', '으로/로', 'eth0으로'],
    ['weave', '으로/로', 'weave로'],
    ['eth0', '을/를', 'eth0을'],
    ['172.17.0.2', '을/를', '172.17.0.2를'],
    ['node2', '은/는', 'node2는'],
    ['master', '은/는', 'master는'],
    ['docker', '을/를', 'docker를'],
    ['filter table', '을/를', 'filter table을'],
    ['routing', '이/가', 'routing이'],
    ['default/client', '이/가', 'default/client가'],
    ['vethwepl3bf26cb', '이/가', 'vethwepl3bf26cb가'],
    ['10.32.0.0/12', '과/와', '10.32.0.0/12와'],
    ['파드', '을/를', '파드를'],
    ['서비스', '이/가', '서비스가'],
    ['노드 eth0', '은/는', '노드 eth0은'],
    ['kube-system/coredns', '이/가', 'kube-system/coredns가'],
    ['규칙', '으로/로', '규칙으로'],
    ['브리지 연결', '으로/로', '브리지 연결로'],
  ] as const)('%s + %s', (word, pair, expected) => {
    expect(josa(word, pair)).toBe(expected);
  });
});
