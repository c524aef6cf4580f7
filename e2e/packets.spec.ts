import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { PacketsPage } from './pages/packets-page.ts';

test('a request from the node1 pod client to 10.100.100.100:80 steps hop by hop to node2', async ({
  app,
}) => {
  test.slow(); // many steps and three sets of screenshots
  const packets = new PacketsPage(app.page);
  await app.open('speed=instant');
  await packets.send('default/client', '10.100.100.100:80');
  const n = await packets.stepCount();
  // ?speed=instant: Send plays straight to the end.
  await expect(packets.position).toHaveText(`hop ${n} / ${n}`);
  await expect(packets.outcome).toHaveAttribute('data-kind', 'delivered');
  await expect(packets.outcome).toContainText(
    /pod default\/deploy-nginx-\S+ \(10\.36\.0\.\d:80\) on node2/,
  );

  // Back to the start with the event list, then the keyboard: → three times.
  await packets.seek(0);
  await expect(packets.position).toHaveText(`hop 1 / ${n}`);
  for (let i = 0; i < 3; i++) await packets.press('ArrowRight');
  await expect(packets.position).toHaveText(`hop 4 / ${n}`);
  await packets.press('ArrowLeft');
  await packets.press('ArrowRight');
  expect(await packets.hopIndex()).toBe(3);

  // Hop 4: PREROUTING on node1's weave bridge, where kube-proxy's rules DNAT the Service address.
  await expect(packets.inspector).toContainText('PREROUTING');
  await expect(packets.before('destination')).toHaveText('10.100.100.100:80');
  await expect(packets.after('destination')).toHaveText(/^10\.36\.0\.\d:80$/);
  await expect(packets.after('destination').locator('xpath=..')).toHaveClass(/changed/);
  await expect(packets.inspector.getByTestId('inspector.rule').first()).toContainText(
    'KUBE-SERVICES',
  );
  await expect(packets.inspector.getByTestId('inspector.rules')).toContainText('DNAT to 10.36.0.');
  await expect(packets.inspector.getByTestId('inspector.conntrack')).toContainText(
    'dst=10.100.100.100',
  );
  await app.screenshots('packets-dnat');

  // The buttons, hop by hop, to the wire: Weave's VXLAN between the nodes' addresses.
  for (let i = 0; i < 20 && (await packets.currentKind()) !== 'wire'; i++) {
    const before = await packets.hopIndex();
    await packets.stepForward();
    await expect.poll(() => packets.hopIndex()).toBe(before + 1);
  }
  expect(await packets.currentKind()).toBe('wire');
  await expect(packets.outer()).toContainText('192.168.56.11 → 192.168.56.12:6784');
  await expect(packets.outer()).toContainText('VNI');
  await app.screenshots('packets-overlay');

  // On to delivery in a pod on node2.
  for (let i = 0; i < 20 && (await packets.currentKind()) !== 'deliver'; i++)
    await packets.stepForward();
  await expect(packets.inspector).toContainText(/node2 · pod default\/deploy-nginx-/);
  await expect(packets.after('destination')).toHaveText(/^10\.36\.0\.\d:80$/);

  // The reply: un-DNATed on the way back, delivered to the client from the Service address.
  await packets.press('End');
  await expect(packets.position).toHaveText(`hop ${n} / ${n}`);
  await expect(packets.inspector).toContainText('node1 · pod default/client');
  await expect(packets.before('source')).toHaveText('10.100.100.100:80');
  const undnat = packets.hops.filter({ hasText: 'un-DNAT' });
  await undnat.click();
  await expect(packets.before('source')).toHaveText(/^10\.36\.0\.\d:80$/);
  await expect(packets.after('source')).toHaveText('10.100.100.100:80');
  await app.screenshots('packets-reply');

  // Space plays (to the end, with speed=instant); the back button steps back.
  await packets.press('Home');
  await expect(packets.position).toHaveText(`hop 1 / ${n}`);
  await packets.press(' ');
  await expect(packets.position).toHaveText(`hop ${n} / ${n}`);
  await packets.stepBack();
  await expect(packets.position).toHaveText(`hop ${n - 1} / ${n}`);
});

test('in Korean the hops are explained in Korean; addresses, chains and rules stay as printed', async ({
  app,
}) => {
  const packets = new PacketsPage(app.page);
  await app.open('speed=instant');
  await packets.setLang('ko');
  await packets.send('default/client', '10.100.100.100:80');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'delivered');
  await expect(packets.outcome).toContainText(
    /전달됨 node2의 파드 default\/deploy-nginx-\S+ \(10\.36\.0\.\d:80\)/,
  );

  // Hop 2: the pod's route and ARP, as one Korean explanation with the addresses in it.
  await packets.seek(1);
  await expect(packets.note).toHaveText(
    '10.100.100.100은 같은 링크에 있지 않으므로(off-link) 기본 라우트를 따라 게이트웨이 10.44.0.0으로 보냅니다. 10.44.0.0에 대한 ARP 요청에 노드의 브리지(weave)가 응답합니다.',
  );

  // Hop 4: kube-proxy's DNAT in PREROUTING; the rule steps say what each rule did.
  await packets.seek(3);
  await expect(packets.note).toHaveText(/^목적지 10\.100\.100\.100:80 → 10\.36\.0\.\d:80\.$/);
  const rules = packets.inspector.getByTestId('inspector.rules');
  await expect(rules).toContainText('KUBE-SERVICES 체인으로 점프');
  await expect(rules).toContainText(/DNAT: 목적지를 10\.36\.0\.\d:80으로 변경/);
  await expect(rules).toContainText('-j DNAT --to-destination 10.36.0.');
  await app.screenshots('packets-ko');

  // The Markdown export follows the language.
  const download = app.page.waitForEvent('download');
  await app.page.getByTestId('share.export').selectOption('trace');
  const md = readFileSync(await (await download).path(), 'utf8');
  expect(md).toContain('| # | 위치 | 동작 | 규칙 | 이전 | 이후 | 설명 |');
  expect(md).toContain('10.100.100.100은 같은 링크에 있지 않으므로(off-link)');

  // Back in English, the note is the engine's own sentence (the CLI's and the golden files').
  await packets.setLang('en');
  await packets.seek(1);
  await expect(packets.note).toHaveText(
    "10.100.100.100 is off-link: default route via the gateway 10.44.0.0; ARP for 10.44.0.0: answered by the node's bridge (weave)",
  );
});

test('a name that does not resolve shows the engine’s message', async ({ app }) => {
  const packets = new PacketsPage(app.page);
  await app.open('speed=instant');
  await packets.send('default/client', 'no-such-service:80');
  await expect(packets.error).toContainText('unknown target "no-such-service:80"');
});

test('docker0 only: the pods’ addresses collide and the packet cannot cross nodes', async ({
  app,
}) => {
  const packets = new PacketsPage(app.page);
  await app.open('scenario=docker-only&speed=instant');
  // Both web pods have 172.17.0.2, one on each node.
  const from = app.page.getByTestId('request.from');
  await expect(from.locator('option', { hasText: '172.17.0.2 · node1' })).toHaveCount(1);
  await expect(from.locator('option', { hasText: '172.17.0.2 · node2' })).toHaveCount(1);

  // To the Service: its one endpoint 172.17.0.2 is the sender's own address on node2, and
  // docker0 will not send the frame back out the port it came in on (no hairpin mode).
  await packets.send('default/web-6c8d7489d5-rzzck', 'default/web:80/tcp');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'dropped');
  await expect(packets.outcome).toContainText('hairpin mode is off');

  // To coredns on master (172.17.0.3): node2's docker0 is its own segment, nobody answers.
  await packets.send('default/web-6c8d7489d5-rzzck', '172.17.0.3:53', 'udp');
  await expect(packets.outcome).toHaveAttribute('data-kind', 'unreachable');
  await expect(packets.outcome).toContainText('separate L2 segment');
  await expect(packets.hops.last()).toHaveAttribute('data-kind', 'unreachable');
  await app.screenshots('packets-docker0');
});

test('a burst of 3,000 connections spreads near 1/3 over the three endpoints', async ({ app }) => {
  const packets = new PacketsPage(app.page);
  await app.open('speed=instant');
  await packets.burst(3000);
  await expect(packets.bars).toHaveCount(3);
  await expect(app.page.getByTestId('burst.counted')).toHaveText('3,000 of 3,000 connections');
  for (const share of await packets.shares()) {
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.37);
  }
  await expect(app.page.getByTestId('burst.even')).toContainText('1/3');
  await app.screenshots('packets-burst');
});

test('packets fly on the topology: one trace, then a burst of many on one clock', async ({
  app,
}) => {
  const packets = new PacketsPage(app.page);
  await app.open(); // smooth motion
  await app.page.getByTestId('playback.speed').selectOption('8');
  await packets.send('default/client', 'default/clusterip-service:80/tcp');
  await expect(app.page.locator('.packet-layer circle.packet-trace')).toHaveCount(1);
  await expect.poll(() => packets.hopIndex(), { timeout: 15_000 }).toBeGreaterThan(3);
  await app.page.getByTestId('playback.speed').selectOption('0.5');
  await packets.burst(1000);
  await expect
    .poll(
      async () => Number(await app.page.locator('.packet-layer g').getAttribute('data-burst')),
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(200);
  await app.screenshots('packets-burst-flight');
});
