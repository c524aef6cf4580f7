/** PodSpec, pod template and label selector checks (ValidatePodSpec, ValidateLabelSelector, …). */
import type { LabelSelector, PodSpec, Toleration } from './api-types.ts';
import {
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
} from './field-errors.ts';
import type { FieldPath } from './source.ts';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  nameErrors,
  validateLabels,
} from './validate-names.ts';

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** ValidateTolerations. */
export function validateTolerations(
  tolerations: readonly Toleration[] | undefined,
  at: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = [...at, i];
    const key = t.key ?? '';
    if (key) errs.push(...nameErrors([...p, 'key'], key, isQualifiedName));
    if (!key && t.operator !== 'Exists') {
      errs.push(
        invalid(
          [...p, 'operator'],
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length > 0) errs.push(invalid([...p, 'operator'], t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value)
          errs.push(
            invalid([...p, 'operator'], t.value, "value must be empty when `operator` is 'Exists'"),
          );
        break;
      default:
        errs.push(notSupported([...p, 'operator'], t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !(TAINT_EFFECTS as readonly string[]).includes(t.effect)) {
      errs.push(notSupported([...p, 'effect'], t.effect, TAINT_EFFECTS));
    }
  });
  return errs;
}

/** Containers and their ports (names, numbers, protocols; port names unique across the pod). */
function validateContainers(spec: PodSpec, at: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const containers = spec.containers ?? [];
  if (containers.length === 0) return [required([...at, 'containers'])];
  const names = new Set<string>();
  const portNames = new Set<string>();
  containers.forEach((c, i) => {
    const p = [...at, 'containers', i];
    if (!c.name) errs.push(required([...p, 'name']));
    else {
      errs.push(...nameErrors([...p, 'name'], c.name, isDns1123Label));
      if (names.has(c.name)) errs.push(duplicate([...p, 'name'], c.name));
      names.add(c.name);
    }
    if (!c.image) errs.push(required([...p, 'image']));
    (c.ports ?? []).forEach((port, j) => {
      const pp = [...p, 'ports', j];
      if (port.name) {
        errs.push(...nameErrors([...pp, 'name'], port.name, isValidPortName));
        if (portNames.has(port.name)) errs.push(duplicate([...pp, 'name'], port.name));
        portNames.add(port.name);
      }
      if (!port.containerPort) errs.push(required([...pp, 'containerPort']));
      else
        for (const msg of isValidPortNum(port.containerPort))
          errs.push(invalid([...pp, 'containerPort'], port.containerPort, msg));
      if (port.hostPort) {
        for (const msg of isValidPortNum(port.hostPort))
          errs.push(invalid([...pp, 'hostPort'], port.hostPort, msg));
        if (spec.hostNetwork && port.containerPort && port.hostPort !== port.containerPort) {
          errs.push(
            invalid(
              [...pp, 'hostPort'],
              port.hostPort,
              'must match `containerPort` when `hostNetwork` is true',
            ),
          );
        }
      }
      if (
        port.protocol !== undefined &&
        !(PROTOCOLS as readonly string[]).includes(port.protocol)
      ) {
        errs.push(notSupported([...pp, 'protocol'], port.protocol, PROTOCOLS));
      }
    });
  });
  return errs;
}

/** ValidatePodSpec (the parts podpath reads). `at` is the spec's path, e.g. `spec.template.spec`. */
export function validatePodSpec(
  spec: PodSpec | undefined,
  at: FieldPath,
  options?: { template?: boolean },
): FieldError[] {
  const s = spec ?? {};
  const errs = validateContainers(s, at);
  errs.push(...validateLabels(s.nodeSelector, [...at, 'nodeSelector']));
  if (s.nodeName) errs.push(...nameErrors([...at, 'nodeName'], s.nodeName, isDns1123Subdomain));
  errs.push(...validateTolerations(s.tolerations, [...at, 'tolerations']));
  if (s.restartPolicy !== undefined) {
    const allowed = options?.template ? ['Always'] : ['Always', 'OnFailure', 'Never'];
    if (!allowed.includes(s.restartPolicy))
      errs.push(notSupported([...at, 'restartPolicy'], s.restartPolicy, allowed));
  }
  return errs;
}

/** ValidateLabelSelector. */
export function validateLabelSelector(
  selector: LabelSelector | undefined,
  at: FieldPath,
): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, [...at, 'matchLabels']);
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const p = [...at, 'matchExpressions', i];
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0)
          errs.push(
            required([...p, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"),
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0)
          errs.push(
            forbidden(
              [...p, 'values'],
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ),
          );
        break;
      default:
        errs.push(invalid([...p, 'operator'], req.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...nameErrors([...p, 'key'], req.key ?? '', isQualifiedName));
  });
  return errs;
}
