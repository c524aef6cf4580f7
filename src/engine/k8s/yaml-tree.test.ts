import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pathKey } from './source.ts';
import { documentToJson } from './yaml-tree.ts';

const convert = (text: string) => documentToJson(parseDocument(text, { version: '1.1' }));

describe('documentToJson', () => {
  it('converts YAML 1.1 scalars as go-yaml v2 does', () => {
    const { value } = convert('a: yes\nb: off\nc: 0x1F\nd: "yes"\ne: ~\nf: 2024-01-02\ng: 1.5\n');
    expect(value).toEqual({ a: true, b: false, c: 31, d: 'yes', e: null, f: '2024-01-02', g: 1.5 });
  });

  it('turns non-string keys into strings', () => {
    expect(convert('80: http\ntrue: x\n').value).toEqual({ '80': 'http', true: 'x' });
  });

  it('expands aliases and merge keys (own keys win)', () => {
    const { value } = convert(
      'base: &b {p: 1, q: 2}\nd:\n  <<: *b\n  q: 3\ne:\n  <<: [*b, {r: 4}]\n',
    );
    expect(value).toEqual({ base: { p: 1, q: 2 }, d: { p: 1, q: 3 }, e: { p: 1, q: 2, r: 4 } });
  });

  it('reads y and n as booleans, like go-yaml v2 (a classic Kubernetes surprise)', () => {
    expect(convert('y: n\n').value).toEqual({ true: false });
  });

  it('records the value and key span of each field', () => {
    const text = 'spec:\n  ports:\n  - port: 80\n';
    const { fields } = convert(text);
    const port = fields.get(pathKey(['spec', 'ports', 0, 'port']));
    expect(port && text.slice(port.value.from, port.value.to)).toBe('80');
    expect(port?.key && text.slice(port.key.from, port.key.to)).toBe('port');
    const item = fields.get(pathKey(['spec', 'ports', 0]));
    expect(item && text.slice(item.value.from, item.value.to).trim()).toBe('port: 80');
  });

  it('keeps "__proto__" as a plain key', () => {
    const { value } = convert('__proto__: {polluted: true}\n');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
