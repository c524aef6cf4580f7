/**
 * Korean particles after names and addresses: `10.36.0.1:80으로`, `node1로`, `weave를`. The choice
 * follows how the end is read aloud: a digit as a Sino-Korean number (`eth0` ends in 영), a few
 * English word endings as words (`master` 마스터), any other Latin letter by its Korean name.
 */

/** The particle pairs: the first after a final consonant, the second after a vowel. */
export type JosaPair = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로';

/** Digits read as 영 일 이 삼 사 오 육 칠 팔 구: 'l' is a final ㄹ, 'c' another consonant, '' none. */
const DIGIT_FINAL = ['c', 'l', '', 'c', '', '', 'c', 'l', 'l', ''] as const;

/** Latin letter names ending in a consonant: L 엘, R 알 (ㄹ); M 엠, N 엔. */
const LETTER_FINAL: Readonly<Record<string, 'l' | 'c'>> = { l: 'l', r: 'l', m: 'c', n: 'c' };

/** The final sound of a word: a consonant ('c'), ㄹ ('l') or a vowel (''). */
function finalSound(word: string): 'c' | 'l' | '' {
  const last = word.replace(/[\s)\]}'"`.,:;!?*]+$/u, '').at(-1);
  if (last === undefined) return '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? '' : jong === 8 ? 'l' : 'c';
  }
  if (last >= '0' && last <= '9') return DIGIT_FINAL[Number(last)]!;
  // Whole English words: master 마스터, docker 도커; table 테이블; routing 라우팅.
  const tail = word.slice(-2).toLowerCase();
  if (/^[aeiou]r$/.test(tail)) return '';
  if (tail === 'le') return 'l';
  if (tail === 'ng') return 'c';
  return LETTER_FINAL[last.toLowerCase()] ?? '';
}

/**
 * `word` with the right form of the particle.
 *
 * @example
 * josa('10.36.0.1:80', '으로/로'); // '10.36.0.1:80으로'
 * josa('node1', '으로/로'); // 'node1로' (일: ㄹ takes 로)
 */
export function josa(word: string, pair: JosaPair): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const sound = finalSound(word);
  if (pair === '으로/로') return word + (sound === 'c' ? afterConsonant : afterVowel);
  return word + (sound === '' ? afterVowel : afterConsonant);
}
