import { describe, expect, it } from 'vitest';
import type { Deployment } from './api-types.ts';
import { deployment, pod } from './testing.ts';
import { validateDaemonSet, validateDeployment, validatePod } from './validate-workloads.ts';

const errors = (d: Deployment) => validateDeployment(d).map((e) => e.message);

function withTemplateLabels(d: Deployment, labels: Record<string, string> | undefined): Deployment {
  return {
    ...d,
    spec: { ...d.spec, template: { ...d.spec?.template, metadata: labels ? { labels } : {} } },
  };
}

describe('validateDeployment', () => {
  it('accepts a well-formed Deployment', () => {
    expect(errors(deployment())).toEqual([]);
  });

  it('rejects a selector that does not match the template labels, printing the labels as Go does', () => {
    const d = withTemplateLabels(deployment({ labels: { app: 'web' } }), {
      app: 'x',
      tier: 'front',
    });
    const errs = validateDeployment(d);
    expect(errs.map((e) => e.message)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x", "tier":"front"}: `selector` does not match template `labels`',
    ]);
    expect(errs[0]?.at).toEqual(['spec', 'template', 'metadata', 'labels']);
  });

  it('prints missing template labels as a nil map', () => {
    expect(errors(withTemplateLabels(deployment(), undefined))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`',
    ]);
  });

  it('rejects negative replicas', () => {
    expect(errors(deployment({ replicas: -1 }))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(errors(deployment({ replicas: 0 }))).toEqual([]);
  });

  it('requires a selector, and a non-empty one', () => {
    const none: Deployment = {
      ...deployment(),
      spec: { ...deployment().spec, selector: undefined },
    };
    delete none.spec?.selector;
    expect(errors(none)).toEqual(['spec.selector: Required value']);
    const empty: Deployment = { ...deployment(), spec: { ...deployment().spec, selector: {} } };
    expect(errors(empty)[0]).toMatch(
      /^spec\.selector: Invalid value: v1\.LabelSelector\{.*\}: empty selector is invalid for deployment$/,
    );
  });

  it('checks selector expressions', () => {
    const d = deployment();
    const bad: Deployment = {
      ...d,
      spec: {
        ...d.spec,
        selector: {
          matchExpressions: [
            { key: 'app', operator: 'Is', values: ['web'] },
            { key: 'app', operator: 'In' },
          ],
        },
      },
    };
    expect(errors(bad)).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
      "spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('checks the pod template: containers, images, ports, restartPolicy', () => {
    const d = deployment({
      ports: [
        { name: 'http', containerPort: 0 },
        { name: 'http', containerPort: 70000, protocol: 'HTTP' },
      ],
    });
    const spec = d.spec?.template?.spec;
    if (spec) {
      spec.containers = [...(spec.containers ?? []), { name: 'app' }];
      spec.restartPolicy = 'Never';
    }
    expect(errors(d)).toEqual([
      'spec.template.spec.containers[0].ports[0].containerPort: Required value',
      'spec.template.spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.template.spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.template.spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.template.spec.containers[1].name: Duplicate value: "app"',
      'spec.template.spec.containers[1].image: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
    const noContainers = deployment();
    if (noContainers.spec?.template?.spec) noContainers.spec.template.spec.containers = [];
    expect(errors(noContainers)).toEqual(['spec.template.spec.containers: Required value']);
  });

  it('checks tolerations', () => {
    const d = deployment({
      tolerations: [
        { operator: 'Equal', value: 'x' },
        { key: 'k', operator: 'Exists', value: 'v' },
        { key: 'k', operator: 'Maybe' },
        { key: 'k', effect: 'Sometimes' },
      ],
    });
    expect(errors(d)).toEqual([
      'spec.template.spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.template.spec.tolerations[1].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
      'spec.template.spec.tolerations[2].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
      'spec.template.spec.tolerations[3].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it('checks names as RFC 1123 subdomains', () => {
    expect(errors(deployment({ name: 'Web' }))[0]).toMatch(
      /^metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/,
    );
    const unnamed = deployment();
    delete unnamed.metadata?.name;
    expect(errors(unnamed)).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
});

describe('validateDaemonSet and validatePod', () => {
  it('words the empty-selector error for a daemonset', () => {
    const ds = { ...deployment(), kind: 'DaemonSet', spec: { ...deployment().spec, selector: {} } };
    expect(validateDaemonSet(ds).map((e) => e.message)[0]).toMatch(
      /empty selector is invalid for daemonset$/,
    );
  });

  it('validates a pod spec (nodeName must be a subdomain)', () => {
    expect(validatePod(pod())).toEqual([]);
    expect(validatePod(pod({ nodeName: 'Node_1' })).map((e) => e.message)[0]).toMatch(
      /^spec\.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/,
    );
  });
});
