import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../engine/index.ts';
import { position, sortDiagnostics, toEditorDiagnostics } from './diagnostics.ts';

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  severity: 'error',
  message: 'm',
  file: 'scenario.yaml',
  line: 1,
  col: 1,
  from: 0,
  to: 1,
  ...over,
});

describe('editor diagnostics', () => {
  test('offsets are clamped to the document and never empty', () => {
    expect(toEditorDiagnostics([diag({ from: 5, to: 5 })], 10)).toEqual([
      { from: 5, to: 6, severity: 'error', message: 'm' },
    ]);
    expect(toEditorDiagnostics([diag({ from: 50, to: 80, severity: 'warning' })], 10)).toEqual([
      { from: 10, to: 10, severity: 'warning', message: 'm' },
    ]);
  });

  test('errors first, then by line and column; positions as line:col', () => {
    const sorted = sortDiagnostics([
      diag({ severity: 'warning', line: 1 }),
      diag({ line: 9, col: 2 }),
      diag({ line: 3, col: 7 }),
    ]);
    expect(sorted.map(position)).toEqual(['3:7', '9:2', '1:1']);
  });
});
