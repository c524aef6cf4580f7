/** `-m comment --comment TEXT` (up to 255 characters). */
import type { Extension } from '../extension.ts';
import { given, option, value } from '../extension.ts';
import { ok, wordError } from '../result.ts';

export const commentMatch: Extension = {
  name: 'comment',
  distinct: true,
  options: [{ name: 'comment', arity: 1, required: true, quoted: true }],
  normalize(options) {
    const o = given(options, 'comment');
    const text = o ? value(o) : '';
    if (o && text.length > 255) {
      return wordError(o.index, 'COMMENT must be shorter than 256 characters');
    }
    return ok([option('comment', [text])]);
  },
};
