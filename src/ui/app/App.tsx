import { useState } from 'react';
import { compileScenario, formatDiagnostic, renderNodeRules } from '../../engine/index.ts';
import { DEFAULT_SCENARIO_FILES } from './default-scenario.ts';
import './App.css';

// The default scenario never changes while the page is open: compile it once.
const COMPILED = compileScenario(DEFAULT_SCENARIO_FILES);
const NODE_NAMES = COMPILED.cluster?.nodes.map((node) => node.name) ?? [];

export function App() {
  const [nodeName, setNodeName] = useState(NODE_NAMES[0] ?? '');
  const { cluster, diagnostics } = COMPILED;
  const rules =
    cluster && nodeName
      ? renderNodeRules(cluster, { node: nodeName, format: 'S', table: 'nat' })
      : '';

  return (
    <div className="app">
      <header className="app-header">
        <h1>podpath</h1>
        <p>kube-proxy’s iptables rules for the default scenario</p>
      </header>

      <main className="app-main">
        {diagnostics.length > 0 && (
          <section className="diagnostics" aria-label="Diagnostics">
            <h2>Diagnostics</h2>
            <ul data-testid="diagnostics.list">
              {diagnostics.map((d, i) => (
                <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
                  {formatDiagnostic(d)}
                </li>
              ))}
            </ul>
          </section>
        )}

        {cluster ? (
          <section className="rules" aria-label="kube-proxy rules">
            <div className="rules-toolbar">
              <label>
                Node{' '}
                <select
                  data-testid="rules.node"
                  value={nodeName}
                  onChange={(e) => setNodeName(e.target.value)}
                >
                  {NODE_NAMES.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <span className="rules-caption">
                <code>iptables -t nat -S</code>
              </span>
            </div>
            <pre className="rules-text" data-testid="rules.text">
              {rules}
            </pre>
          </section>
        ) : (
          <p className="empty">The scenario could not be compiled; see the diagnostics above.</p>
        )}
      </main>
    </div>
  );
}
