/** Which loaded module (or core option) an option word belongs to, as iptables' getopt decides. */
import type { Extension, GivenOption, OptionSpec } from './extension.ts';
import { longOptions } from './extension.ts';
import type { CoreOption } from './rule-header.ts';
import { CORE_OPTIONS } from './rule-header.ts';

/** A module loaded by `-m`, `-j` or implicitly by `-p`. */
export interface Loaded {
  /** The module. */
  readonly ext: Extension;
  /** Loaded by `-j` (an extension target) rather than as a match. */
  readonly isTarget: boolean;
  /** Index of the word that loaded it. */
  readonly index: number;
  /** Its options as given so far. */
  readonly given: GivenOption[];
}

/** An option word's owner: a core option, a module's option, or more than one by prefix. */
export type Resolved =
  | { readonly core: CoreOption }
  | { readonly loaded: Loaded; readonly spec: OptionSpec }
  | { readonly ambiguous: true }
  | null;

const CORE_LONG = [...CORE_OPTIONS.keys()].filter((k) => k.startsWith('--'));

/** The answer for each core spelling, made once. */
const CORE_RESOLVED: ReadonlyMap<string, Resolved> = new Map(
  [...CORE_OPTIONS].map(([name, core]) => [name, { core }]),
);

function specNames(spec: OptionSpec): string[] {
  return [spec.name, ...(spec.aliases ?? [])];
}

/**
 * What an option word refers to, like getopt_long with iptables' merged option table: short core
 * options; long options by exact name (core first, then the most recently loaded module that has
 * it), else by a prefix that names only one option. Null when nothing knows it.
 */
export function resolveOption(name: string, loaded: readonly Loaded[]): Resolved {
  const core = CORE_RESOLVED.get(name);
  if (core) return core;
  if (!name.startsWith('--')) return null;
  for (let k = loaded.length - 1; k >= 0; k--) {
    const l = loaded[k] as Loaded;
    const spec = longOptions(l.ext).get(name);
    if (spec) return { loaded: l, spec };
  }
  return resolvePrefix(name, loaded);
}

/** getopt_long's abbreviations: the option a prefix names, if it names only one. */
function resolvePrefix(name: string, loaded: readonly Loaded[]): Resolved {
  const bare = name.slice(2);
  const newestFirst = [...loaded].reverse();
  const hits: Exclude<Resolved, null>[] = [];
  for (const long of CORE_LONG) {
    if (long.startsWith(name)) hits.push({ core: CORE_OPTIONS.get(long) as CoreOption });
  }
  for (const l of newestFirst) {
    for (const spec of l.ext.options) {
      if (specNames(spec).some((n) => n.startsWith(bare))) hits.push({ loaded: l, spec });
    }
  }
  const [first] = hits;
  if (!first) return null;
  const same = (h: Exclude<Resolved, null>) =>
    'core' in h && 'core' in first
      ? h.core === first.core
      : 'spec' in h && 'spec' in first && h.spec === first.spec && h.loaded === first.loaded;
  return hits.every(same) ? first : { ambiguous: true };
}
