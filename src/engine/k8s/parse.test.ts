import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, parseManifests } from './parse.ts';
import { locate } from './source.ts';
import { positionOf } from './testing.ts';

const parse = (text: string, name = 'scenario.yaml') => parseManifests([{ name, text }]);

const svc = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`;

describe('parseManifests: documents', () => {
  it('reads every document of a multi-document stream, skipping empty ones', () => {
    const text = `# leading comment\n---\n${svc('a')}---\n---\n# only a comment\n---\n${svc('b')}...\n`;
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.fatal).toBe(false);
    expect(r.objects.map((o) => (o.data['metadata'] as { name: string }).name)).toEqual(['a', 'b']);
    expect(r.objects[0]?.kind).toBe('Service');
  });

  it('keeps the span of each object and of every field', () => {
    const text = `${svc('a')}---\n${svc('b')}`;
    const r = parse(text);
    const second = r.objects[1];
    expect(second?.source.from).toBe(text.indexOf('apiVersion', 5));
    const port = locate(second!.source, ['spec', 'ports', 0, 'port']);
    expect(text.slice(port.from, port.to)).toBe('80');
    expect(port.from).toBe(text.lastIndexOf('80'));
  });

  it('reads a JSON object and a JSON array of objects', () => {
    const obj = parse(
      '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}}',
      'svc.json',
    );
    expect(obj.objects.map((o) => o.kind)).toEqual(['Service']);
    const arr = parse(
      '[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}},\n {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}]',
    );
    expect(arr.objects.map((o) => o.kind)).toEqual(['Pod', 'Deployment']);
    const name = locate(arr.objects[1]!.source, ['metadata', 'name']);
    expect(name.from).toBe(
      arr.objects[1]!.source.from +
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":'.length,
    );
  });

  it('reads JSON indented with tabs', () => {
    const r = parse('{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "p"}\n}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });

  it('unpacks kind: List, with item positions relative to the items', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- ${svc('a').replace(/\n/g, '\n  ').trimEnd()}\n- ${svc('b').replace(/\n/g, '\n  ').trimEnd()}\n`;
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => o.source.prefix)).toEqual([
      ['items', 0],
      ['items', 1],
    ]);
    const name = locate(r.objects[1]!.source, ['metadata', 'name']);
    expect(text.slice(name.from, name.to)).toBe('b');
  });

  it('unpacks typed lists (PodList) whose items omit kind and apiVersion', () => {
    const r = parse(
      '{"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"p1"}},{"metadata":{"name":"p2"}}]}',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => [o.kind, o.apiVersion, o.data['kind']])).toEqual([
      ['Pod', 'v1', 'Pod'],
      ['Pod', 'v1', 'Pod'],
    ]);
  });

  it('reads YAML 1.1 scalars the way kubectl does (yes → true, 0777 → 511) and merge keys', () => {
    const r = parse(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: &l\n    on: yes\nspec:\n  x: 0777\n  m:\n    <<: *l\n',
    );
    const data = r.objects[0]!.data as {
      metadata: { labels: Record<string, unknown> };
      spec: { x: number; m: unknown };
    };
    expect(data.metadata.labels).toEqual({ true: true });
    expect(data.spec.x).toBe(511);
    expect(data.spec.m).toEqual({ true: true });
  });
});

describe('parseManifests: kind and apiVersion', () => {
  it('reports a missing kind and apiVersion in kubectl words, on the first line of the object', () => {
    const text = `${svc('a')}---\nmetadata:\n  name: x\n`;
    const r = parse(text);
    expect(r.objects).toHaveLength(1);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.message).toBe('error validating data: [apiVersion not set, kind not set]');
    expect(d.severity).toBe('error');
    expect([d.line, d.col]).toEqual([positionOf(text, 'metadata:', 1).line, 1]);
    expect(text.slice(d.from, d.to)).toBe('metadata:');
  });

  it('reports each missing field alone', () => {
    expect(parse('kind: Service\nmetadata: {name: a}\n').diagnostics[0]?.message).toBe(
      'error validating data: apiVersion not set',
    );
    expect(parse('apiVersion: v1\nmetadata: {name: a}\n').diagnostics[0]?.message).toBe(
      'error validating data: kind not set',
    );
  });

  it("reports a kind that isn't a string at its value", () => {
    const text = 'apiVersion: v1\nkind: 42\n';
    const d = parse(text).diagnostics[0]!;
    expect(d.message).toBe("error validating data: kind isn't string type");
    expect([d.line, d.col]).toEqual([2, 7]);
  });

  it('rejects documents that are not mappings', () => {
    const r = parse('just a string\n---\n42\n');
    expect(r.diagnostics.map((d) => [d.message, d.line])).toEqual([
      ['error validating data: invalid object to validate', 1],
      ['error validating data: invalid object to validate', 3],
    ]);
    expect(r.fatal).toBe(false);
  });

  it('ignores unknown kinds with a warning in kubectl words, at the kind', () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\n' + svc('a');
    const r = parse(text);
    expect(r.objects.map((o) => o.kind)).toEqual(['Service']);
    expect(r.diagnostics).toMatchObject([
      {
        severity: 'warning',
        message: 'no matches for kind "Widget" in version "example.com/v1"',
        line: 2,
        col: 7,
      },
    ]);
  });

  it('treats a known kind served under another version as unknown (like a removed API)', () => {
    const r = parse('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n');
    expect(r.diagnostics[0]?.message).toBe(
      'no matches for kind "Deployment" in version "extensions/v1beta1"',
    );
  });

  it('says plainly that built-in kinds podpath does not model are ignored', () => {
    const r = parse('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'warning',
      message:
        'kind "ConfigMap" in version "v1" is not simulated by podpath: the object is ignored',
    });
  });

  it('accepts every kind podpath reads', () => {
    const kinds = [
      ['apps/v1', 'Deployment'],
      ['apps/v1', 'ReplicaSet'],
      ['apps/v1', 'DaemonSet'],
      ['v1', 'Pod'],
      ['v1', 'Service'],
      ['v1', 'Endpoints'],
      ['v1', 'Node'],
      ['discovery.k8s.io/v1', 'EndpointSlice'],
      ['kubeproxy.config.k8s.io/v1alpha1', 'KubeProxyConfiguration'],
      ['podpath.dev/v1alpha1', 'Lab'],
    ];
    const r = parse(kinds.map(([v, k]) => `apiVersion: ${v}\nkind: ${k}\n`).join('---\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => o.kind)).toEqual(kinds.map(([, k]) => k));
  });
});

describe('parseManifests: syntax errors', () => {
  it('reports a YAML error at its position, in kubectl words with the parser reason, and marks the input fatal', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n\tlabels: {}\n';
    const r = parse(text);
    expect(r.fatal).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'error converting YAML to JSON: yaml: line 5: Tabs are not allowed as indentation',
      line: 5,
      col: 1,
    });
  });

  it('reports a bad indentation at the offending line', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  type: ClusterIP\n   ports: []\n';
    const d = parse(text).diagnostics[0]!;
    expect(d.line).toBe(4);
    expect(d.message).toMatch(/^error converting YAML to JSON: yaml: line 4: /);
  });

  it('reports an unclosed flow sequence', () => {
    const d = parse('a: [1, 2\nb: 3\n').diagnostics[0]!;
    expect(d.message).toMatch(/^error converting YAML to JSON: yaml: line 2: Flow sequence/);
  });

  it('reports a duplicate key like go-yaml, underlining the key', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n';
    const d = parse(text).diagnostics[0]!;
    expect(d.message).toBe(
      'error converting YAML to JSON: yaml: unmarshal errors: line 5: key "name" already set in map',
    );
    expect([d.line, d.col]).toEqual([5, 3]);
    expect(text.slice(d.from, d.to)).toBe('name');
  });

  it('reports an alias to an unknown anchor', () => {
    const r = parse('apiVersion: v1\nkind: Pod\nmetadata: *nope\n');
    expect(r.diagnostics[0]?.message).toBe(
      "error converting YAML to JSON: yaml: unknown anchor 'nope' referenced",
    );
    expect(r.diagnostics[0]?.line).toBe(3);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    const r = parse(`${levels.join('\n')}\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'error converting YAML to JSON: yaml: document contains excessive aliasing',
    ]);
  });

  it('survives very deep nesting', () => {
    const r = parse(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]?.severity).toBe('error');
  });
});

describe('parseManifests: limits and robustness', () => {
  it('refuses more than 5 MB in total, with a single error and nothing parsed', () => {
    const big = `# ${'x'.repeat(MAX_INPUT_BYTES / 2)}\n`;
    const r = parseManifests([
      { name: 'a.yaml', text: svc('a') + big },
      { name: 'b.yaml', text: big },
    ]);
    expect(r.objects).toEqual([]);
    expect(r.fatal).toBe(true);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: 'b.yaml', line: 1, col: 1 });
    expect(r.diagnostics[0]?.message).toMatch(/too large/);
  });

  it('counts bytes, not characters', () => {
    const text = `# ${'한'.repeat(Math.ceil(MAX_INPUT_BYTES / 3) + 10)}\n`;
    expect(text.length).toBeLessThan(MAX_INPUT_BYTES);
    expect(parse(text).fatal).toBe(true);
  });

  it('keeps diagnostics of each file on that file', () => {
    const r = parseManifests([
      { name: 'one.yaml', text: svc('a') },
      { name: 'two.yaml', text: 'kind: Service\n' },
    ]);
    expect(r.diagnostics).toMatchObject([{ file: 'two.yaml', line: 1 }]);
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parse(text);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.col).toBeGreaterThanOrEqual(1);
          expect(d.from).toBeLessThanOrEqual(d.to);
          expect(d.to).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on random YAML-ish text', () => {
    const token = fc.constantFrom(
      'a',
      ':',
      ' ',
      '\n',
      '-',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      '&x',
      '*x',
      '<<',
      '#',
      '\t',
      '---',
      'kind',
      'List',
      'items',
      ',',
      '|',
      '>',
      '?',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (tokens) => void parse(tokens.join(''))),
      { numRuns: 2000 },
    );
  });

  it('never throws on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void parse(JSON.stringify(v))),
      { numRuns: 1500 },
    );
  });

  it('tolerates callers that pass no files or malformed entries', () => {
    expect(parseManifests([]).objects).toEqual([]);
    const bad = [{ name: 5, text: null }] as unknown as { name: string; text: string }[];
    expect(() => parseManifests(bad)).not.toThrow();
  });
});
