/**
 * Words of an iptables-restore / iptables-save line: splitting like iptables-restore does and quoting
 * like iptables-save does (xtables_save_string).
 */

const BARE = /^[A-Za-z0-9_-]+$/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Splits a rule line into words the way iptables-restore does: blanks separate words, `"…"`
 * groups (a closing quote also ends the word), and inside quotes `\x` stands for `x`.
 * Outside quotes a backslash is an ordinary character.
 */
export function splitRuleLine(line: string): string[] {
  if (!hasSpecial(line)) return splitOnSpaces(line);
  const words: string[] = [];
  let start = -1; // where the unquoted run of the current word began, -1 between words
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      const before = start < 0 ? '' : line.slice(start, i);
      const end = closingQuote(line, i + 1);
      words.push(before + unescapeQuoted(line.slice(i + 1, end)));
      start = -1;
      i = end;
    } else if (isBlank(c)) {
      if (start >= 0) words.push(line.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) words.push(line.slice(start));
  return words;
}

/** What the plain `split(' ')` path cannot handle: quotes and the other blanks. */
function hasSpecial(line: string): boolean {
  // Four native searches cost less than a regular expression, once per restore line.
  return line.includes('"') || line.includes('\t') || line.includes('\n') || line.includes('\r');
}

/** The common case: words separated by spaces only. */
function splitOnSpaces(line: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (;;) {
    const end = line.indexOf(' ', start);
    if (end < 0) {
      if (start < line.length) words.push(line.slice(start));
      return words;
    }
    if (end > start) words.push(line.slice(start, end));
    start = end + 1;
  }
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Index of the `"` that closes a quoted part starting at `from` (past a `\x`), or the length. */
function closingQuote(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < line.length) i++;
    else if (c === QUOTE) return i;
  }
  return line.length;
}

/** The text of a quoted part: `\x` stands for `x` (a backslash at the very end stays). */
function unescapeQuoted(text: string): string {
  return text.includes('\\') ? text.replace(/\\([^])/g, '$1') : text;
}

/**
 * A value as iptables-save prints it: bare when made only of `A-Za-z0-9_-`, otherwise in double
 * quotes with `"`, `\` and `'` escaped by a backslash (an empty value prints as `""`).
 */
export function quoteSaveString(value: string): string {
  if (BARE.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** Quotes a word for a restore line only when splitRuleLine would not give it back as is. */
export function quoteWord(value: string): string {
  if (value !== '' && !/[\s"]/.test(value)) return value;
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
