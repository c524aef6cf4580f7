/**
 * `iptables-restore --noflush` of a restore document onto a ruleset, kept as the text
 * iptables-save and `iptables -S` print rather than as Rules: what printing the tables after a
 * large kube-proxy sync needs, at a fraction of the memory and time of the rule model.
 *
 * It follows applyRestore for the documents kube-proxy writes: `:CHAIN` declarations (creating or
 * flushing a user chain) and `-A` lines, each checked as runCommand checks it (the chain exists,
 * a jump's chain exists and is not built in, NAT targets only in nat). Anything else (`-X`, other
 * commands, counters, a table in two blocks, a line only the general parser reads, a line it
 * would refuse) gives null, and the caller runs applyRestore + renderSave, which also gives the
 * exact error. restore-save.test.ts compares both on random documents, and
 * kubeproxy/node-rules.test.ts on every golden scenario, conformance case and random clusters.
 *
 * How: iptables-save prints rules by chain, chains sorted by name. The lines are read in document
 * order (reading a large document in order is much faster than in print order), their save text
 * joined a few thousand lines at a time into pieces, and each run of consecutive lines of one
 * chain noted as a span of a piece; printing then puts the spans in chain order. A rule's text
 * thus lives only until its piece is joined (the garbage collector moves a few large strings, not
 * 160,000 small ones).
 */
import type { IpFamily } from '../net/ip.ts';
import { chainNameProblem } from './command.ts';
import { formatRuleSave } from './format-rule.ts';
import { parseRuleFast } from './parse-rule-fast.ts';
import { NAT_ONLY_TARGETS } from './registry.ts';
import type { Counters } from './rule.ts';
import type { Policy, RuleEntry, Ruleset, TableName } from './ruleset.ts';
import {
  BUILTIN_CHAINS,
  compareNames,
  isBuiltinChain,
  SAVE_TABLE_ORDER,
  TABLE_NAMES,
} from './ruleset.ts';
import { saveRuleLine, type RuleLineInfo } from './save-rule-line.ts';
import { splitRuleLine } from './words.ts';

/** One table's block of a restore document: its `:CHAIN` declarations, then its lines. */
export interface RestoreBlock {
  /** The table (`*filter`). */
  readonly table: TableName;
  /** Declared chains in order (`:NAME - [0:0]`). */
  readonly chains: readonly string[];
  /**
   * Calls `visit` with each line after the declarations (without its newline), in order, until
   * it returns false; false when it did.
   */
  readonly eachLine: (visit: (line: string) => boolean) => boolean;
}

/** A chain after the restore: its heading, and where its restored rules' text is. */
interface ChainState {
  readonly name: string;
  readonly policy: Policy | null;
  readonly counters: Counters;
  /** Rules it had before the restore, still in it (a declaration flushes them). */
  base: readonly RuleEntry[];
  /** Its first and last run of restored lines (indices into Text's runs), -1 for none. */
  first: number;
  last: number;
}

/**
 * The save lines of a table's restored rules, in document order, joined into a few large pieces;
 * runs of consecutive lines of one chain are spans of a piece.
 */
interface Text {
  readonly pieces: string[];
  /** Per run: its piece, where it starts and ends there, and the chain's next run (-1: none). */
  readonly piece: number[];
  readonly start: number[];
  readonly end: number[];
  readonly next: number[];
}

/** One table after the restore, ready to print. */
interface SavedTable {
  readonly present: boolean;
  /** Chains in print order: built-ins in kernel order, then user chains sorted by name. */
  readonly chains: readonly ChainState[];
  /** All rule lines in print order, each followed by a newline, in pieces. */
  readonly rules: readonly string[];
}

/** The tables after a restore, as the lines iptables-save prints. */
export interface SavedTables {
  readonly family: IpFamily;
  readonly tables: Readonly<Record<TableName, SavedTable>>;
}

/** A table while the restore runs. */
interface Draft {
  readonly name: TableName;
  present: boolean;
  /** The chains the table had before the restore (a few: kube-proxy's jumps, a CNI's chains). */
  readonly before: Map<string, ChainState>;
  /** The chains the block declares, in order (a chain of `before` declared again is that one). */
  readonly declared: ChainState[];
  /** Where in `declared` the next run's chain is looked for first (see findChain). */
  cursor: number;
  /** The chains found last by name, most recent first. */
  readonly recent: ChainState[];
  /** Every chain by name, made when first needed (see findChain). */
  byName: Map<string, ChainState> | null;
  /** A block of this table was restored. */
  restored: boolean;
  readonly text: Text;
}

const NO_RULES: readonly RuleEntry[] = [];
const ZERO: Counters = { packets: 0, bytes: 0 };
/** Declared chains looked at past the cursor, and chains remembered in Draft.recent. */
const AHEAD = 8;
const RECENT = 4;

function startDraft(ruleset: Ruleset, name: TableName): Draft {
  const t = ruleset.tables[name];
  const before = new Map<string, ChainState>();
  for (const c of t.chains.values()) {
    const { policy, counters, rules } = c;
    before.set(c.name, { name: c.name, policy, counters, base: rules, first: -1, last: -1 });
  }
  const text: Text = { pieces: [], piece: [], start: [], end: [], next: [] };
  const draft = { name, present: t.present, before, declared: [], cursor: 0 };
  return { ...draft, recent: [], byName: null, restored: false, text };
}

/**
 * The chain `name` of the table, if it has one. kube-proxy declares its chains in the order it
 * then writes them (a port's KUBE-SVC chain, then its endpoints' KUBE-SEP chains, and the rules
 * jumping to them shortly before), so a chain is mostly found a few places past the last one
 * found in the declarations, or among the few found last (KUBE-SERVICES, KUBE-MARK-MASQ): a few
 * comparisons instead of a look-up among tens of thousands of names, which costs much more.
 * A run's chain (`advance`) moves the cursor.
 */
function findChain(table: Draft, name: string, advance: boolean): ChainState | undefined {
  const { declared, recent } = table;
  const stop = Math.min(table.cursor + AHEAD, declared.length);
  for (let k = table.cursor; k < stop; k++) {
    if (declared[k]!.name !== name) continue;
    if (advance) table.cursor = k + 1;
    return declared[k];
  }
  for (let k = 0; k < recent.length; k++) if (recent[k]!.name === name) return recent[k];
  if (!table.byName) {
    table.byName = new Map(table.before);
    for (const c of declared) if (!table.byName.has(c.name)) table.byName.set(c.name, c);
  }
  const found = table.byName.get(name);
  if (found) {
    if (recent.length >= RECENT) recent.pop();
    recent.unshift(found);
  }
  return found;
}

/** A `:NAME - [0:0]` line; false when applyRestore has to judge it. */
function declare(table: Draft, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c <= 0x20 || c > 0x7e) return false; // declarationWords would split it differently
  }
  if (isBuiltinChain(table.name, name) || chainNameProblem(name) !== null) return false;
  const existing = table.before.get(name);
  if (existing) existing.base = NO_RULES; // flushed
  // (A chain declared twice gets two states here; finishTable then leaves it to applyRestore.)
  table.declared.push(
    existing ?? { name, policy: null, counters: ZERO, base: NO_RULES, first: -1, last: -1 },
  );
  return true;
}

/** Whether a restore line is plain: an `-A` line with nothing iptables-restore would trim. */
function isPlainLine(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return text.startsWith('-A ') && last > 0x20 && last < 0x7f;
}

/** What readLine read besides the text (one line is read at a time). */
const info: RuleLineInfo = { chain: '', targetKind: null, targetName: '' };

/** The save text of a block line (its chain and target in `info`), or null (see saveRuleLine). */
function readLine(text: string, family: IpFamily): string | null {
  const saved = saveRuleLine(text, family, info); // (it refuses line breaks)
  if (saved !== null) return saved;
  if (text.includes('\n')) return null; // iptables-restore would read two lines
  const words = splitRuleLine(text);
  const chain = words[1];
  if (words[0] !== '-A' || chain === undefined || chain.startsWith('-')) return null;
  if (words.includes('-t') || words.includes('--table')) return null;
  const rule = parseRuleFast(words, 2, family);
  if (!rule) return null;
  const t = rule.target;
  info.chain = chain;
  info.targetKind = t ? t.kind : null;
  info.targetName = t ? t.name : '';
  return formatRuleSave(chain, rule);
}

/** Lines per piece of Text: large pieces are never moved by the garbage collector. */
const PIECE_LINES = 4096;

/**
 * Reads the block's lines in order (reading the document in order is much faster than in print
 * order), each checked as runCommand checks it; false when one is not plain or is refused.
 */
function restoreLines(table: Draft, block: RestoreBlock, family: IpFamily): boolean {
  const { text } = table;
  const lines: string[] = [];
  let at = 0; // where the next line starts in the piece being written
  let current: ChainState | undefined;
  const endRun = () => {
    if (!current) return;
    const run = text.end.length;
    text.end.push(at);
    if (current.last < 0) current.first = run;
    else text.next[current.last] = run;
    current.last = run;
  };
  const startRun = () => {
    text.piece.push(text.pieces.length);
    text.start.push(at);
    text.next.push(-1);
  };
  const ok = block.eachLine((line) => {
    const saved = isPlainLine(line) ? readLine(line, family) : null;
    if (saved === null) return false;
    const { targetKind: kind, targetName: target } = info;
    if (kind === 'chain') {
      if (isBuiltinChain(table.name, target) || !findChain(table, target, false)) return false;
    } else if (kind === 'extension' && table.name !== 'nat' && NAT_ONLY_TARGETS.has(target)) {
      return false;
    }
    if (current?.name !== info.chain) {
      endRun();
      current = findChain(table, info.chain, true);
      if (!current) return false;
      startRun();
    }
    lines.push(saved);
    at += saved.length + 1;
    if (lines.length >= PIECE_LINES) {
      endRun();
      lines.push('');
      text.pieces.push(lines.join('\n'));
      lines.length = at = 0;
      startRun();
    }
    return true;
  });
  if (!ok) return false;
  endRun();
  if (lines.length > 0) {
    lines.push('');
    text.pieces.push(lines.join('\n'));
  }
  return true;
}

/** The table's chains in print order and its rules in that order; null for a chain declared twice. */
function finishTable(table: Draft): SavedTable | null {
  const users: ChainState[] = [];
  for (const c of table.before.values()) if (c.policy === null) users.push(c);
  const { declared } = table;
  for (let k = 0; k < declared.length; k++) {
    if (!table.before.has(declared[k]!.name)) users.push(declared[k]!);
  }
  users.sort((a, b) => compareNames(a.name, b.name));
  for (let i = 1; i < users.length; i++) if (users[i]!.name === users[i - 1]!.name) return null;
  const builtins = BUILTIN_CHAINS[table.name].map((n) => table.before.get(n)!);
  const chains = [...builtins, ...users];
  const rules: string[] = [];
  const { pieces, piece, start, end, next } = table.text;
  // (Index loops: these run once per chain and rule, tens of thousands of times.)
  for (let k = 0; k < chains.length; k++) {
    const c = chains[k]!;
    for (let r = 0; r < c.base.length; r++)
      rules.push(`${formatRuleSave(c.name, c.base[r]!.rule)}\n`);
    for (let run = c.first; run >= 0; run = next[run]!) {
      if (end[run]! > start[run]!) rules.push(pieces[piece[run]!]!.slice(start[run], end[run]));
    }
  }
  return { present: table.present, chains, rules };
}

/**
 * `ruleset` after `iptables-restore --noflush` of `blocks`, as text to print; null when the
 * blocks hold something only applyRestore handles (or refuses).
 */
export function restoreSavedTables(
  ruleset: Ruleset,
  blocks: readonly RestoreBlock[],
): SavedTables | null {
  const drafts = {} as Record<TableName, Draft>;
  for (const name of TABLE_NAMES) drafts[name] = startDraft(ruleset, name);
  for (const block of blocks) {
    const table = drafts[block.table];
    // A second block of a table could flush chains the first one filled: left to applyRestore.
    if (table.restored) return null;
    table.restored = true;
    table.present = true;
    const { chains } = block;
    for (let k = 0; k < chains.length; k++) if (!declare(table, chains[k]!)) return null;
    if (!restoreLines(table, block, ruleset.family)) return null;
  }
  const tables = {} as Record<TableName, SavedTable>;
  for (const name of TABLE_NAMES) {
    const done = finishTable(drafts[name]);
    if (!done) return null;
    tables[name] = done;
  }
  return { family: ruleset.family, tables };
}

/** iptables-save's text, as renderSave prints it (same tables by default, same order). */
export function printSavedTables(saved: SavedTables, tables?: readonly TableName[]): string {
  const names = tables ?? SAVE_TABLE_ORDER.filter((t) => saved.tables[t].present);
  const out: string[] = [];
  for (const name of names) {
    const { chains, rules } = saved.tables[name];
    out.push(`*${name}\n`, headings(chains, 'save'));
    for (let k = 0; k < rules.length; k++) out.push(rules[k]!);
    out.push('COMMIT\n');
  }
  return out.join('');
}

/** `iptables -t TABLE -S`, as renderS prints it. */
export function printSavedTablesS(saved: SavedTables, table: TableName): string {
  const { chains, rules } = saved.tables[table];
  const out = [headings(chains, 'S')];
  for (let k = 0; k < rules.length; k++) out.push(rules[k]!);
  return out.join('');
}

/**
 * A line per chain: built-in chains `:NAME POLICY [p:b]` (iptables-save) or `-P NAME POLICY`
 * (-S), then user chains `:NAME - [0:0]` or `-N NAME`, joined in one go (a large table has
 * tens of thousands).
 */
function headings(chains: readonly ChainState[], form: 'save' | 'S'): string {
  let text = '';
  const users: string[] = [];
  for (let k = 0; k < chains.length; k++) {
    const c = chains[k]!;
    if (c.policy === null) users.push(c.name);
    else if (form === 'S') text += `-P ${c.name} ${c.policy}\n`;
    else text += `:${c.name} ${c.policy} [${c.counters.packets}:${c.counters.bytes}]\n`;
  }
  if (users.length === 0) return text;
  if (form === 'S') return `${text}-N ${users.join('\n-N ')}\n`;
  return `${text}:${users.join(' - [0:0]\n:')} - [0:0]\n`;
}
