/** Success or failure as data: parsing functions here return errors instead of throwing. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** An error pinned to one word of an argument list. */
export interface WordError {
  /** 0-based index of the offending word in the list that was parsed. */
  readonly index: number;
  /** What went wrong, in iptables' wording where it has one. */
  readonly message: string;
}

export function wordError(
  index: number,
  message: string,
): { readonly ok: false; readonly error: WordError } {
  return err({ index, message });
}
