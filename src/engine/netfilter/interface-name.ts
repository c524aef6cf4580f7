/** Interface names as iptables compares them: exact, or a prefix when the pattern ends in `+`. */

/** Whether interface `name` (null: none, e.g. no input interface on OUTPUT) matches `pattern`. */
export function interfaceMatches(pattern: string, name: string | null): boolean {
  const n = name ?? '';
  if (pattern.endsWith('+')) return n.startsWith(pattern.slice(0, -1));
  return n === pattern;
}
