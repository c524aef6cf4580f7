/**
 * Share links: the state a learner or teacher wants to pass on (YAML, request, seed, view, the
 * selected hop, the lesson and step) in the URL fragment, compressed with lz-string. Decoding never throws: a corrupt,
 * oversized or foreign link gives a message, and the caller falls back to the default scenario.
 *
 * @example
 * location.hash = encodeShareLink(shareStateOf(store.getState()));
 * const opened = decodeShareLink(location.hash); // { ok: true, value } | { ok: false, error }
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { AppState } from './app-state.ts';
import type { LessonPosition } from './lesson-slice.ts';
import type { RequestSpec } from './simulation-slice.ts';
import type { Lang, RulesView } from './view-slice.ts';

/** Version 1 of the link's content. */
export interface ShareState {
  readonly v: 1;
  readonly yaml: string;
  readonly scenarioName: string | null;
  readonly request: RequestSpec;
  /** The seed of the trace on screen (null: none sent yet) and the seed the next send uses. */
  readonly traceSeed: number | null;
  readonly seed: number;
  readonly hopIndex: number;
  readonly rulesNode: string | null;
  readonly rulesView: RulesView;
  /** The rules panel's grep (links made before it was kept have none). */
  readonly rulesFilter: string;
  readonly lang: Lang;
  /** The lesson and step on screen (links made before lessons existed have none). */
  readonly lesson: LessonPosition | null;
}

/** Why a link was refused, for the UI to say in the learner's language (`error` is the English). */
export type ShareLinkProblem = 'notShare' | 'tooLong' | 'damaged' | 'otherVersion' | 'tooBig';

export type Decoded =
  | { readonly ok: true; readonly value: ShareState }
  | { readonly ok: false; readonly error: string; readonly problem: ShareLinkProblem };

/** Longest fragment we read (browsers keep far more; a link this long is not a real share). */
export const MAX_LINK_CHARS = 200_000;
/** Largest YAML a link may carry once expanded. */
export const MAX_YAML_CHARS = 1_000_000;

const PREFIX = '#s=';
export const VIEWS: readonly RulesView[] = ['nat-S', 'save', 'filter-S', 'restore'];

export function shareStateOf(s: AppState): ShareState {
  return {
    v: 1,
    yaml: s.yaml,
    scenarioName: s.scenarioName,
    request: s.request,
    traceSeed: s.trace?.seed ?? null,
    seed: s.seed,
    hopIndex: s.hopIndex,
    rulesNode: s.rulesNode,
    rulesView: s.rulesView,
    rulesFilter: s.rulesFilter,
    lang: s.lang,
    lesson: s.lesson,
  };
}

export function encodeShareLink(state: ShareState): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(state));
}

/** Whether a fragment is meant to be a share link (so a plain `#` is not reported as broken). */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const isStr = (x: unknown): x is string => typeof x === 'string';

/** A lesson position from untrusted JSON; undefined when it is not one. */
export function readLessonPosition(x: unknown): LessonPosition | null | undefined {
  if (x === null || x === undefined) return null;
  if (typeof x !== 'object') return undefined;
  const p = x as Record<string, unknown>;
  const id = p['id'];
  const step = p['step'];
  if (!isStr(id) || !isInt(step) || step < 0) return undefined;
  return { id, step };
}

/** A request read from untrusted JSON (a link, saved storage), or null if it is not one. */
export function readRequest(x: unknown): RequestSpec | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  const protocol = r['protocol'];
  if (!isStr(r['from']) || !isStr(r['to']) || !isInt(r['packets'])) return null;
  if (protocol !== null && protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp')
    return null;
  if (r['packets'] < 1 || r['packets'] > 100) return null;
  return { from: r['from'], to: r['to'], protocol, packets: r['packets'] };
}

export function decodeShareLink(hash: string): Decoded {
  const fail = (error: string, problem: ShareLinkProblem = 'damaged'): Decoded => ({
    ok: false,
    error,
    problem,
  });
  if (!isShareFragment(hash)) return fail('this is not a podpath share link', 'notShare');
  const body = hash.slice(PREFIX.length);
  if (body.length > MAX_LINK_CHARS)
    return fail(
      `the share link is too long (${String(body.length)} characters; at most ${String(MAX_LINK_CHARS)})`,
      'tooLong',
    );
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(body);
  } catch {
    text = null;
  }
  if (!text)
    return fail('the share link is damaged: it does not decompress (was it cut off when copied?)');
  if (text.length > MAX_YAML_CHARS + 10_000)
    return fail('the share link expands to more than podpath reads', 'tooBig');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('the share link is damaged: its content is not valid JSON');
  }
  if (typeof data !== 'object' || data === null)
    return fail('the share link is damaged: no state inside');
  const d = data as Record<string, unknown>;
  if (d['v'] !== 1)
    return fail(
      `the share link is from another version of podpath (v=${JSON.stringify(d['v'])})`,
      'otherVersion',
    );
  const request = readRequest(d['request']);
  const scenarioName = d['scenarioName'];
  const traceSeed = d['traceSeed'];
  const rulesNode = d['rulesNode'];
  const rulesView = d['rulesView'];
  const lesson = readLessonPosition(d['lesson']);
  const rulesFilter = d['rulesFilter'] ?? '';
  if (
    !isStr(d['yaml']) ||
    !(scenarioName === null || isStr(scenarioName)) ||
    request === null ||
    !(traceSeed === null || isInt(traceSeed)) ||
    !isInt(d['seed']) ||
    !isInt(d['hopIndex']) ||
    !(rulesNode === null || isStr(rulesNode)) ||
    !VIEWS.includes(rulesView as RulesView) ||
    !isStr(rulesFilter) ||
    (d['lang'] !== 'en' && d['lang'] !== 'ko') ||
    lesson === undefined
  )
    return fail('the share link is damaged: a field is missing or has the wrong type');
  if (d['yaml'].length > MAX_YAML_CHARS)
    return fail('the share link carries more YAML than podpath reads', 'tooBig');
  return {
    ok: true,
    value: {
      v: 1,
      yaml: d['yaml'],
      scenarioName,
      request,
      traceSeed,
      seed: d['seed'],
      hopIndex: d['hopIndex'],
      rulesNode,
      rulesView: rulesView as RulesView,
      rulesFilter,
      lang: d['lang'],
      lesson,
    },
  };
}
