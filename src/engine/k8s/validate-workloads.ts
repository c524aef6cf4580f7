/** Deployment, ReplicaSet, DaemonSet and Pod checks (ValidateDeployment, ValidateReplicaSet, …). */
import type { Deployment, LabelSelector, Pod, PodTemplate } from './api-types.ts';
import { goStringMap, invalid, required, type FieldError } from './field-errors.ts';
import { isEmptySelector, matchesSelector } from './labels.ts';
import { isDns1123Subdomain, validateLabels } from './validate-names.ts';
import { validateObjectMeta } from './validate-meta.ts';
import { validateLabelSelector, validatePodSpec } from './validate-pod-spec.ts';

function printSelector(selector: LabelSelector): string {
  const labels = selector.matchLabels
    ? goStringMap(selector.matchLabels)
    : 'map[string]string(nil)';
  const exprs = selector.matchExpressions
    ? '[]v1.LabelSelectorRequirement{}'
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

/** Selector, template labels and template spec of a workload (`kind` words the empty-selector error). */
function validateWorkloadSpec(
  selector: LabelSelector | undefined,
  template: PodTemplate | undefined,
  kind: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) errs.push(required(['spec', 'selector']));
  else {
    errs.push(...validateLabelSelector(selector, ['spec', 'selector']));
    if (isEmptySelector(selector)) {
      errs.push(
        invalid(['spec', 'selector'], selector, `empty selector is invalid for ${kind}`, {
          printed: printSelector(selector),
        }),
      );
    }
  }
  if (!template) return [...errs, required(['spec', 'template'])];
  const labels = template.metadata?.labels ?? {};
  if (selector && !isEmptySelector(selector) && !matchesSelector(selector, labels)) {
    errs.push(
      invalid(
        ['spec', 'template', 'metadata', 'labels'],
        labels,
        '`selector` does not match template `labels`',
        {
          printed: goStringMap(template.metadata?.labels),
        },
      ),
    );
  }
  errs.push(
    ...validateLabels(template.metadata?.labels, ['spec', 'template', 'metadata', 'labels']),
  );
  errs.push(...validatePodSpec(template.spec, ['spec', 'template', 'spec'], { template: true }));
  return errs;
}

/** ValidateDeployment / ValidateReplicaSet. */
export function validateDeployment(d: Deployment): FieldError[] {
  const errs = validateObjectMeta(d.metadata, isDns1123Subdomain, true);
  const replicas = d.spec?.replicas;
  if (replicas !== undefined && replicas < 0) {
    errs.push(invalid(['spec', 'replicas'], replicas, 'must be greater than or equal to 0'));
  }
  errs.push(...validateWorkloadSpec(d.spec?.selector, d.spec?.template, 'deployment'));
  return errs;
}

/** ValidateDaemonSet. */
export function validateDaemonSet(d: Deployment): FieldError[] {
  const errs = validateObjectMeta(d.metadata, isDns1123Subdomain, true);
  errs.push(...validateWorkloadSpec(d.spec?.selector, d.spec?.template, 'daemonset'));
  return errs;
}

/** ValidatePod (status is not validated on create: the pods module checks what it honours). */
export function validatePod(p: Pod): FieldError[] {
  const errs = validateObjectMeta(p.metadata, isDns1123Subdomain, true);
  errs.push(...validatePodSpec(p.spec, ['spec']));
  return errs;
}
