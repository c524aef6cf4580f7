/**
 * The filter box works like `| grep PATTERN`: a plain substring (no regular expression), matched
 * case-sensitively, line by line. An empty pattern keeps every line, as `cat` would.
 */

/** True when `line` would be printed by `grep -F -- pattern`. */
export function grepMatch(line: string, pattern: string): boolean {
  return pattern === '' || line.includes(pattern);
}

/** The items whose text `grep -F` would keep, in order (the same array when the pattern is empty). */
export function grep<T>(
  items: readonly T[],
  pattern: string,
  text: (item: T) => string,
): readonly T[] {
  if (pattern === '') return items;
  return items.filter((item) => text(item).includes(pattern));
}
