import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { KIND_SCHEMAS } from './schema.ts';

const service = (spec: unknown) =>
  decode(KIND_SCHEMAS.Service, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec,
  });

describe('decode', () => {
  it('keeps known fields, drops unknown ones and nulls', () => {
    const r = service({
      type: 'NodePort',
      bogus: 1,
      clusterIP: null,
      ports: [{ port: 80, targetPort: 'http', extra: true }],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] },
      },
    });
  });

  it('rejects a string where an int32 is expected, with the Go decoder message and the path', () => {
    expect(service({ ports: [{ port: '80' }] })).toEqual({
      ok: false,
      error: {
        path: ['spec', 'ports', 0, 'port'],
        message:
          'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      },
    });
  });

  it('rejects fractional and out-of-range numbers, printing the number', () => {
    const r = service({ ports: [{ port: 1.5 }] });
    expect(!r.ok && r.error.message).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32',
    );
    const big = service({ ports: [{ port: 3000000000 }] });
    expect(!big.ok && big.error.message).toBe(
      'json: cannot unmarshal number 3000000000 into Go struct field ServicePort.spec.ports.port of type int32',
    );
  });

  it('rejects non-string label values (the `version: 1.0` mistake)', () => {
    const r = decode(KIND_SCHEMAS.Pod, { metadata: { labels: { version: 1 } } });
    expect(r).toEqual({
      ok: false,
      error: {
        path: ['metadata', 'labels', 'version'],
        message:
          'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      },
    });
  });

  it('names the struct and collection types', () => {
    const spec = service('oops');
    expect(!spec.ok && spec.error.message).toBe(
      'json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec',
    );
    const ports = service({ ports: { port: 80 } });
    expect(!ports.ok && ports.error.message).toBe(
      'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
    );
    const bool = service({ ports: [{ targetPort: true }] });
    expect(!bool.ok && bool.error.message).toBe(
      'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type intstr.IntOrString',
    );
  });

  it('accepts both forms of IntOrString', () => {
    expect(
      service({
        ports: [
          { port: 80, targetPort: 8080 },
          { port: 81, targetPort: 'http' },
        ],
      }).ok,
    ).toBe(true);
  });

  it('decodes a top-level non-object as a Go value error', () => {
    const r = decode(KIND_SCHEMAS.Node, 'x');
    expect(!r.ok && r.error).toEqual({
      path: [],
      message: 'json: cannot unmarshal string into Go value of type v1.Node',
    });
  });
});

describe('decode: open structs', () => {
  it('keeps untyped fields of pod specs and containers (they count for the pod-template-hash)', () => {
    const r = decode(KIND_SCHEMAS.Deployment, {
      spec: {
        template: {
          spec: {
            dnsPolicy: 'ClusterFirst',
            containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }],
          },
        },
        paused: true,
      },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        spec: {
          template: {
            spec: {
              dnsPolicy: 'ClusterFirst',
              containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }],
            },
          },
        },
      },
    });
  });
});
