import { describe, expect, it } from 'vitest';
import { formatRestoreDocument, type RestoreTable } from './restore-document.ts';
import { TableBuilder } from './table-builder.ts';

describe('TableBuilder', () => {
  it('prints from its pieces exactly what the line-by-line printing gives', () => {
    const nat = new TableBuilder();
    nat.declare('KUBE-SERVICES');
    for (let i = 0; i < 1000; i++) {
      nat.declareNew(`KUBE-SEP-${i}`);
      nat.add(`KUBE-SEP-${i}`, ['-s', `10.0.${i >> 8}.${i & 255}`, null, '-j KUBE-MARK-MASQ'], {
        service: 'ns/svc',
        portName: 'ns/svc:p',
      });
    }
    nat.raw('-X KUBE-SEP-OLD');
    const built = nat.build();
    const filter = new TableBuilder().build();
    const copy = (t: RestoreTable): RestoreTable => ({
      chains: [...t.chains],
      lines: [...t.lines],
    });
    const text = formatRestoreDocument({ filter, nat: built });
    expect(text).toBe(formatRestoreDocument({ filter: copy(filter), nat: copy(built) }));
    expect(
      text.startsWith('*filter\nCOMMIT\n*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-SEP-0 - [0:0]\n'),
    ).toBe(true);
    expect(built.lines[999]).toEqual({
      text: '-A KUBE-SEP-999 -s 10.0.3.231 -j KUBE-MARK-MASQ',
      origin: { service: 'ns/svc', portName: 'ns/svc:p' },
    });
    expect(text.endsWith('-X KUBE-SEP-OLD\nCOMMIT\n')).toBe(true);
  });

  it('declares a chain once, also after chains declared without a look-up', () => {
    const b = new TableBuilder();
    b.declare('A');
    b.declareNew('B');
    b.declareNew('C');
    b.declare('B');
    b.declare('A');
    b.declare('D');
    b.declare('C');
    expect(b.build().chains).toEqual(['A', 'B', 'C', 'D']);
  });
});
