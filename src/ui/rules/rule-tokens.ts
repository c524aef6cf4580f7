/**
 * A rule line cut into the pieces the browser may not break inside. Browsers wrap after a hyphen,
 * which turns `--dport` into `--` / `dport` and `KUBE-SEP-…` into `KUBE-` / `SEP-…`: misleading
 * in a command line. Words with `-` or `/` are kept whole (up to a length that always fits a
 * line); the text itself is unchanged, so copying a line copies the rule.
 */
export type RulePiece = { readonly text: string; readonly keep: boolean };

/** Longer words than this may still wrap inside, so nothing is ever cut off. */
const MAX_KEPT = 40;
const BREAKS_INSIDE = /[-/]/;

export function rulePieces(line: string): RulePiece[] {
  const pieces: RulePiece[] = [];
  let plain = '';
  const words = line.split(' ');
  words.forEach((word, i) => {
    const sep = i < words.length - 1 ? ' ' : '';
    if (word.length > 1 && word.length <= MAX_KEPT && BREAKS_INSIDE.test(word)) {
      if (plain) pieces.push({ text: plain, keep: false });
      pieces.push({ text: word, keep: true });
      plain = sep;
    } else plain += word + sep;
  });
  if (plain) pieces.push({ text: plain, keep: false });
  return pieces;
}
