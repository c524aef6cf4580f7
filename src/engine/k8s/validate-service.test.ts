import { describe, expect, it } from 'vitest';
import type { Service } from './api-types.ts';
import { validateService } from './validate-service.ts';
import { service } from './testing.ts';

const messages = (svc: Service) => validateService(svc).map((e) => e.message);
const errors = (svc: Service) =>
  validateService(svc)
    .filter((e) => e.severity === 'error')
    .map((e) => e.message);

describe('validateService', () => {
  it('accepts a plain ClusterIP Service', () => {
    expect(messages(service())).toEqual([]);
  });

  it('requires an RFC 1035 name', () => {
    expect(errors(service({ name: 'Foo' }))[0]).toMatch(
      /^metadata\.name: Invalid value: "Foo": a DNS-1035 label must consist of/,
    );
    expect(errors(service({ name: '1web' }))).toHaveLength(1);
  });

  it('checks port numbers', () => {
    expect(errors(service({ ports: [{ port: 70000 }] }))).toEqual([
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(errors(service({ ports: [{ port: 80, targetPort: 0 }] }))).toEqual([]);
    expect(errors(service({ ports: [{ port: 80, targetPort: 99999 }] }))).toEqual([
      'spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive',
    ]);
    expect(errors(service({ ports: [{ port: 80, targetPort: 'HTTP' }] }))[0]).toBe(
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    );
  });

  it('checks protocols', () => {
    expect(errors(service({ ports: [{ port: 80, protocol: 'FOO' }] }))).toEqual([
      'spec.ports[0].protocol: Unsupported value: "FOO": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('requires port names when there are several, and unique ones', () => {
    expect(errors(service({ ports: [{ name: 'http', port: 80 }, { port: 443 }] }))).toEqual([
      'spec.ports[1].name: Required value',
    ]);
    expect(
      errors(
        service({
          ports: [
            { name: 'web', port: 80 },
            { name: 'web', port: 443 },
          ],
        }),
      ),
    ).toEqual(['spec.ports[1].name: Duplicate value: "web"']);
    expect(
      errors(
        service({
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 80 },
          ],
        }),
      )[0],
    ).toMatch(/^spec\.ports\[1\]: Duplicate value: core\.ServicePort\{/);
    expect(
      errors(
        service({
          ports: [
            { name: 'a', port: 53, protocol: 'TCP' },
            { name: 'b', port: 53, protocol: 'UDP' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('requires ports except for headless and ExternalName Services', () => {
    expect(errors(service({ ports: [] }))).toEqual(['spec.ports: Required value']);
    expect(errors(service({ ports: [], clusterIP: 'None' }))).toEqual([]);
    expect(
      errors(
        service({
          ports: [],
          type: 'ExternalName',
          selector: null,
          spec: { externalName: 'db.example.com' },
        }),
      ),
    ).toEqual([]);
  });

  it('forbids a nodePort on a ClusterIP Service and duplicate nodePorts', () => {
    expect(errors(service({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    const dup = service({
      type: 'NodePort',
      ports: [
        { name: 'a', port: 80, nodePort: 30080 },
        { name: 'b', port: 81, nodePort: 30080 },
      ],
    });
    expect(errors(dup)).toEqual(['spec.ports[1].nodePort: Duplicate value: 30080']);
  });

  it('checks the type', () => {
    expect(errors(service({ type: 'Foo' }))).toEqual([
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('checks spec.clusterIP syntax (reported as clusterIPs[0], at the clusterIP value)', () => {
    const errs = validateService(service({ clusterIP: '10.96.0.300' }));
    expect(errs.map((e) => e.message)).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(errs[0]?.at).toEqual(['spec', 'clusterIP']);
  });

  it('warns about leading zeros in an address, with the KEP-4858 wording', () => {
    const errs = validateService(service({ clusterIP: '10.096.0.010' }));
    expect(errs).toEqual([
      {
        at: ['spec', 'clusterIP'],
        severity: 'warning',
        message:
          'spec.clusterIPs[0]: non-standard IP address "10.096.0.010" will be considered invalid in a future Kubernetes release: use "10.96.0.10"',
      },
    ]);
  });

  it('checks headless and ExternalName constraints', () => {
    expect(errors(service({ type: 'NodePort', clusterIP: 'None' }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ]);
    expect(
      errors(
        service({
          type: 'ExternalName',
          clusterIP: '10.96.0.5',
          spec: { externalName: 'x.example.com' },
        }),
      ),
    ).toEqual(['spec.clusterIPs: Forbidden: may not be set for ExternalName services']);
    expect(errors(service({ type: 'ExternalName' }))).toEqual([
      'spec.externalName: Required value',
    ]);
  });

  it('checks traffic policies', () => {
    expect(errors(service({ spec: { externalTrafficPolicy: 'Local' } }))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(
      errors(service({ type: 'NodePort', spec: { externalTrafficPolicy: 'Nearby' } })),
    ).toEqual([
      'spec.externalTrafficPolicy: Unsupported value: "Nearby": supported values: "Cluster", "Local"',
    ]);
    expect(errors(service({ spec: { internalTrafficPolicy: 'X' } }))).toEqual([
      'spec.internalTrafficPolicy: Unsupported value: "X": supported values: "Cluster", "Local"',
    ]);
    expect(errors(service({ type: 'NodePort', spec: { healthCheckNodePort: 30000 } }))[0]).toBe(
      "spec.healthCheckNodePort: Invalid value: 30000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    );
  });

  it('checks session affinity', () => {
    expect(errors(service({ spec: { sessionAffinity: 'Sticky' } }))).toEqual([
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ]);
    expect(
      errors(
        service({
          spec: {
            sessionAffinity: 'ClientIP',
            sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } },
          },
        }),
      ),
    ).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]);
    expect(
      errors(service({ spec: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } } })),
    ).toEqual([
      'spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None',
    ]);
  });

  it('checks external IPs and source ranges', () => {
    expect(
      errors(
        service({
          spec: { externalIPs: ['nope', '127.0.0.1', '0.0.0.0', '169.254.1.1', '203.0.113.7'] },
        }),
      ),
    ).toEqual([
      'spec.externalIPs[0]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'spec.externalIPs[2]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0, ::)',
      'spec.externalIPs[3]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    ]);
    expect(errors(service({ spec: { loadBalancerSourceRanges: ['10.0.0.0/8'] } }))).toEqual([
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(
      errors(
        service({ type: 'LoadBalancer', spec: { loadBalancerSourceRanges: ['10.0.0.0/8', 'x'] } }),
      ),
    ).toEqual([
      'spec.LoadBalancerSourceRanges: Invalid value: [10.0.0.0/8 x]: must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ',
    ]);
  });

  it('rejects IPv6 families and dual-stack (the lab is IPv4 single-stack)', () => {
    expect(errors(service({ spec: { ipFamilies: ['IPv6'] } }))).toEqual([
      'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    ]);
    expect(errors(service({ spec: { ipFamilyPolicy: 'RequireDualStack' } }))).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
    expect(errors(service({ clusterIP: 'fd00::10' }))).toEqual([
      'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    ]);
  });

  it('validates the selector as labels', () => {
    expect(errors(service({ selector: { app: 'we b' } }))[0]).toMatch(
      /^spec\.selector: Invalid value: "we b": a valid label must be/,
    );
  });
});
