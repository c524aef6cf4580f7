import { expect, test } from './fixtures.ts';
import { TopologyPage } from './pages/topology-page.ts';

const NODES = [
  ['master', '192.168.56.10', '10.32.0.1/12'],
  ['node1', '192.168.56.11', '10.44.0.0/12'],
  ['node2', '192.168.56.12', '10.36.0.0/12'],
] as const;

test('the default cluster: three nodes with eth0, weave and the overlay; the nginx pods and the client', async ({
  app,
}) => {
  await app.open();
  const topo = new TopologyPage(app.page);
  await expect(topo.root).toBeVisible();
  expect(await topo.nodeNames()).toEqual(['master', 'node1', 'node2']);
  for (const [node, ip, bridge] of NODES) {
    await expect(topo.eth0(node)).toContainText(ip);
    await expect(topo.bridge(node)).toContainText(`weave ${bridge}`);
    await expect(topo.vxlan(node)).toContainText('vxlan-6784');
    expect(await topo.hostPodsOn(node)).toEqual(['kube-proxy', 'weave-net']);
  }
  expect(await topo.podIpsOn('node2')).toEqual(['10.36.0.1', '10.36.0.2', '10.36.0.3']);
  await expect(topo.podsOn('node2')).toHaveCount(3);
  for (const pod of await topo.podsOn('node2').all()) await expect(pod).toContainText('nginx');
  await expect(topo.pod('node1/default/client')).toContainText('10.44.0.1');
  await expect(topo.pod('node1/default/client')).toContainText('vethwepl');
  for (const pair of ['master~node1', 'master~node2', 'node1~node2'])
    await expect(topo.edge(`overlay:${pair}`)).toBeAttached();
  await expect(topo.label('overlay')).toContainText('VXLAN UDP 6784 · fastdp · MTU 1376');
  await expect(topo.label('lan')).toContainText('192.168.56.0/24');
  await expect(topo.service('default/clusterip-service')).toContainText('10.100.100.100');
  await expect(topo.service('default/clusterip-service')).toContainText('80/TCP');
  await expect(topo.collisions()).toHaveCount(0);
  await app.screenshots('topology-default');
});

test('adding and removing a worker adds and removes node3 with its DaemonSet pods', async ({
  app,
}) => {
  await app.open();
  const topo = new TopologyPage(app.page);
  await topo.addWorker();
  await expect(topo.node('node3')).toBeVisible();
  expect(await topo.nodeNames()).toEqual(['master', 'node1', 'node2', 'node3']);
  expect(await topo.hostPodsOn('node3')).toEqual(['kube-proxy', 'weave-net']);
  await expect(topo.eth0('node3')).toContainText('192.168.56.13');
  await expect(topo.edge('overlay:node2~node3')).toBeAttached();
  await expect(topo.node('node3')).toBeInViewport();
  await app.screenshots('topology-node3');
  await topo.removeWorker();
  await expect(topo.node('node3')).toHaveCount(0);
  await expect(topo.edge('overlay:node2~node3')).toHaveCount(0);
  expect(await topo.nodeNames()).toEqual(['master', 'node1', 'node2']);
});

test('docker0 on every node: 172.17.0.1/16, no overlay, pods with the same address marked', async ({
  app,
}) => {
  await app.open();
  const topo = new TopologyPage(app.page);
  await topo.setCni('docker');
  for (const [node] of NODES) {
    await expect(topo.bridge(node)).toContainText('docker0 172.17.0.1/16');
    await expect(topo.vxlan(node)).toHaveCount(0);
  }
  await expect(topo.edge('overlay:node1~node2')).toHaveCount(0);
  await expect(topo.label('overlay')).toHaveCount(0);
  await expect(topo.label('no-overlay')).toBeVisible();
  await expect(topo.pod('node1/default/client')).toContainText('172.17.0.2');
  const marker = app.page.getByTestId('topology.collision.node1/default/client');
  await expect(marker).toBeVisible();
  await expect(marker).toContainText('same address as');
  await expect(marker).toContainText('master');
  await app.screenshots('topology-docker');
});

test('the hop under the packet lights its box and animates its link', async ({ app }) => {
  await app.open();
  const topo = new TopologyPage(app.page);
  await app.page.evaluate(() => {
    const s = window.__podpath!.store.getState();
    s.send();
    const steps = window.__podpath!.store.getState().steps;
    const trace = window.__podpath!.store.getState().trace!;
    const hops = trace.connections[0]!.packets.flatMap((p) => p.hops);
    const wire = hops.findIndex((h) => h.link === 'overlay:node1>node2');
    window.__podpath!.store.getState().seek(Math.min(wire, steps.length - 1));
  });
  await expect(topo.edge('overlay:node1~node2')).toHaveClass(/animated/);
  await expect(topo.vxlan('node2')).toHaveClass(/is-hop/);
  await expect(topo.edge('overlay:master~node1')).not.toHaveClass(/animated/);
  await app.screenshots('topology-hop-overlay');
  await app.page.evaluate(() => window.__podpath!.store.getState().seek(0));
  await expect(topo.pod('node1/default/client')).toHaveClass(/is-hop/);
  await expect(topo.node('node1')).toHaveClass(/is-on-path/);
});

test('dark theme', async ({ app }) => {
  await app.open();
  await app.page.getByTestId('toolbar.theme').click();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.page.evaluate(() => {
    window.__podpath!.store.getState().setCni('docker');
  });
  await app.screenshots('topology-dark-docker');
});
