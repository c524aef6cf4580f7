/**
 * The topology as a test sees it: Kubernetes nodes, their devices and pods, the links between
 * them, and the toolbar's cluster actions that change it.
 */
import type { Locator, Page } from '@playwright/test';

export class TopologyPage {
  readonly page: Page;
  readonly root: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('topology');
  }

  node(name: string): Locator {
    return this.page.getByTestId(`topology.node.${name}`);
  }

  /** Names of the Kubernetes nodes drawn, in the page's order. */
  async nodeNames(): Promise<string[]> {
    const ids = await this.root
      .locator('[data-testid^="topology.node."]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.slice('topology.node.'.length));
  }

  eth0(node: string): Locator {
    return this.page.getByTestId(`topology.eth0.${node}`);
  }

  bridge(node: string): Locator {
    return this.page.getByTestId(`topology.bridge.${node}`);
  }

  vxlan(node: string): Locator {
    return this.page.getByTestId(`topology.vxlan.${node}`);
  }

  /** A pod by its network namespace id, `node/namespace/name`. */
  pod(nsId: string): Locator {
    return this.page.getByTestId(`topology.pod.${nsId}`);
  }

  /** The pods drawn on a node. */
  podsOn(node: string): Locator {
    return this.root.locator(`[data-testid^="topology.pod.${node}/"]`);
  }

  /** Addresses of the pods drawn on a node. */
  podIpsOn(node: string): Promise<string[]> {
    return this.podsOn(node).getByTestId('topology.pod-ip').allInnerTexts();
  }

  /** hostNetwork pods (kube-proxy, weave-net) badged on a node. */
  hostPodsOn(node: string): Promise<string[]> {
    return this.node(node).locator('.k-hostpod').allInnerTexts();
  }

  service(key: string): Locator {
    return this.page.getByTestId(`topology.service.${key}`);
  }

  /** An edge by its id (`overlay:node1~node2`, `veth:node1/default/client`). */
  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }

  label(kind: 'lan' | 'overlay' | 'no-overlay'): Locator {
    return this.page.getByTestId(`topology.label.${kind}`);
  }

  collisions(): Locator {
    return this.root.locator('[data-testid^="topology.collision."]');
  }

  async addWorker(): Promise<void> {
    await this.page.getByTestId('toolbar.add-worker').click();
  }

  async removeWorker(): Promise<void> {
    await this.page.getByTestId('toolbar.remove-worker').click();
  }

  async setCni(cni: 'weave' | 'docker'): Promise<void> {
    await this.page.getByTestId('toolbar.cni').selectOption(cni);
  }
}
