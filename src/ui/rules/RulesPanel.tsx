/** Placeholder rules panel (replaced by the full panel): a node picker and `iptables -t nat -S`. */
import { useShallow } from 'zustand/react/shallow';
import { selectRulesNode, selectRulesText } from '../../store/selectors.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';

const NONE: readonly string[] = [];

export function RulesPanel() {
  const store = useAppStoreApi();
  const node = useAppStore(selectRulesNode);
  const text = useAppStore(selectRulesText);
  const nodes = useAppStore(useShallow((s) => s.model?.cluster.nodes.map((n) => n.name) ?? NONE));
  return (
    <section className="pane rules-pane" aria-label="kube-proxy rules">
      <select
        data-testid="rules.node"
        value={node ?? ''}
        onChange={(e) => store.getState().setRulesNode(e.target.value)}
      >
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <pre data-testid="rules.text">{text}</pre>
    </section>
  );
}
