import { describe, expect, it } from 'vitest';
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  validateLabels,
} from './validate-names.ts';

describe('name checks', () => {
  it('RFC 1123 subdomain (most object names)', () => {
    expect(isDns1123Subdomain('web.example-1')).toEqual([]);
    expect(isDns1123Subdomain('Foo')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDns1123Subdomain('a'.repeat(254))[0]).toBe('must be no more than 253 characters');
  });

  it('RFC 1035 label (Service names: must start with a letter)', () => {
    expect(isDns1035Label('web-1')).toEqual([]);
    expect(isDns1035Label('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDns1035Label('a.b')).toHaveLength(1);
    expect(isDns1035Label('a'.repeat(64))).toContain('must be no more than 63 characters');
  });

  it('RFC 1123 label', () => {
    expect(isDns1123Label('123-abc')).toEqual([]);
    expect(isDns1123Label('-a')[0]).toMatch(/^a lowercase RFC 1123 label must consist of/);
  });

  it('qualified names (label keys) with an optional prefix', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('bad key')[0]).toMatch(
      /^name part must consist of alphanumeric characters/,
    );
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of/);
    expect(isQualifiedName('Example.com/x')[0]).toMatch(
      /^prefix part a lowercase RFC 1123 subdomain/,
    );
  });

  it('label values', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('v1.0_beta')).toEqual([]);
    expect(isValidLabelValue('-x')[0]).toMatch(
      /^a valid label must be an empty string or consist of/,
    );
    expect(isValidLabelValue('x'.repeat(64))).toContain('must be no more than 63 characters');
  });

  it('port numbers and IANA port names', () => {
    expect(isValidPortNum(65535)).toEqual([]);
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortNum(70000)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortName('http-alt')).toEqual([]);
    expect(isValidPortName('HTTP')).toContain(
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    );
    expect(isValidPortName('8080')).toContain('must contain at least one letter (a-z)');
    expect(isValidPortName('a--b')).toContain('must not contain consecutive hyphens');
    expect(isValidPortName('-ab')).toContain('must not begin or end with a hyphen');
    expect(isValidPortName('a-very-long-port-name')).toContain(
      'must be no more than 15 characters',
    );
  });

  it('labels: a bad key is reported on the key, a bad value on the value', () => {
    const errs = validateLabels({ 'bad key': 'ok', good: '-bad' }, ['metadata', 'labels']);
    expect(errs.map((e) => [e.at, e.onKey ?? false, e.message.slice(0, 45)])).toEqual([
      [['metadata', 'labels', 'bad key'], true, 'metadata.labels: Invalid value: "bad key": na'],
      [['metadata', 'labels', 'good'], false, 'metadata.labels: Invalid value: "-bad": a val'],
    ]);
  });
});
