/** Placeholder topology (replaced by the React Flow view): nodes and their pods as lists. */
import type { ReactNode } from 'react';
import { useAppStore } from '../app/store-context.ts';

export function TopologyView(_props: { overlay?: ReactNode }) {
  const model = useAppStore((s) => s.model);
  if (!model) return null;
  return (
    <div className="topology-placeholder" data-testid="topology">
      {model.network.nodes.map((n) => (
        <div key={n.node} data-testid={`topology.node.${n.node}`}>
          <strong>{n.node}</strong> eth0 {n.internalIP} · {n.bridge.name} {n.bridge.ip}
          <ul>
            {n.pods.map((p) => (
              <li key={p.id}>{p.id}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
