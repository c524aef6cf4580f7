import { describe, expect, it } from 'vitest';
import {
  formatFieldPath,
  hasField,
  indexLines,
  lineCol,
  locate,
  pathKey,
  type ManifestSource,
} from './source.ts';

describe('field paths', () => {
  it('prints paths as the API server does', () => {
    expect(formatFieldPath(['spec', 'ports', 0, 'port'])).toBe('spec.ports[0].port');
    expect(formatFieldPath(['metadata', 'name'])).toBe('metadata.name');
    expect(formatFieldPath([])).toBe('');
  });

  it('keys never confuse an index with a key that looks like one, or dotted keys with nesting', () => {
    expect(pathKey(['a', 0])).not.toBe(pathKey(['a', '0']));
    expect(pathKey(['labels', 'app.kubernetes.io/name'])).not.toBe(
      pathKey(['labels', 'app', 'kubernetes.io/name']),
    );
  });
});

describe('line and column', () => {
  it('maps offsets to 1-based lines and columns (LF, CRLF and CR line ends)', () => {
    const lf = indexLines('ab\ncd\n\nef');
    expect(lineCol(lf, 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol(lf, 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol(lf, 7)).toEqual({ line: 4, col: 1 });
    const crlf = indexLines('ab\r\ncd');
    expect(lineCol(crlf, 4)).toEqual({ line: 2, col: 1 });
    const cr = indexLines('ab\rcd');
    expect(lineCol(cr, 3)).toEqual({ line: 2, col: 1 });
  });
});

describe('locate', () => {
  const src: ManifestSource = {
    file: 'f',
    from: 10,
    to: 90,
    prefix: ['items', 1],
    lines: indexLines(''),
    fields: new Map([
      [pathKey(['items', 1]), { value: { from: 10, to: 90 } }],
      [pathKey(['items', 1, 'spec']), { value: { from: 20, to: 80 }, key: { from: 14, to: 18 } }],
      [
        pathKey(['items', 1, 'spec', 'ports']),
        { value: { from: 30, to: 70 }, key: { from: 24, to: 29 } },
      ],
    ]),
  };

  it('finds a field, or its key when asked', () => {
    expect(locate(src, ['spec', 'ports'])).toEqual({ from: 30, to: 70 });
    expect(locate(src, ['spec', 'ports'], { key: true })).toEqual({ from: 24, to: 29 });
  });

  it('falls back to the nearest enclosing field, then the object', () => {
    expect(locate(src, ['spec', 'ports', 3, 'name'])).toEqual({ from: 30, to: 70 });
    expect(locate(src, ['status'])).toEqual({ from: 10, to: 90 });
    expect(locate(src, [])).toEqual({ from: 10, to: 90 });
  });

  it('tells whether a field is written', () => {
    expect(hasField(src, ['spec'])).toBe(true);
    expect(hasField(src, ['status'])).toBe(false);
  });
});
