/** Placeholder packet panel (replaced by the full one): send, and the hops as a list. */
import { formatHop } from '../../engine/index.ts';
import { useAppStore, useAppStoreApi } from '../app/store-context.ts';

export function TracePanel() {
  const store = useAppStoreApi();
  const trace = useAppStore((s) => s.trace);
  const error = useAppStore((s) => s.traceError);
  return (
    <section className="pane trace-pane" aria-label="Packets">
      <button type="button" data-testid="trace.send" onClick={() => store.getState().send()}>
        Send
      </button>
      {error && <p role="alert">{error}</p>}
      <ol data-testid="trace.hops">
        {trace?.connections[0]?.packets[0]?.hops.map((h, i) => (
          <li key={i}>{formatHop(h, i + 1)}</li>
        ))}
      </ol>
    </section>
  );
}
