/**
 * Words of an iptables-restore / iptables-save line: splitting like iptables-restore does and quoting
 * like iptables-save does (xtables_save_string).
 */

const BARE = /^[A-Za-z0-9_-]+$/;

/**
 * Splits a rule line into words the way iptables-restore does: blanks separate words, `"…"`
 * groups (a closing quote also ends the word), and inside quotes `\x` stands for `x`.
 * Outside quotes a backslash is an ordinary character.
 */
export function splitRuleLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '\\' && i + 1 < line.length) {
        word += line[++i];
      } else if (c === '"') {
        words.push(word);
        word = '';
        inWord = false;
        quoted = false;
      } else {
        word += c;
      }
    } else if (c === '"') {
      quoted = true;
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
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
