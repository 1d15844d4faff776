/**
 * Kölner Phonetik (Postel 1969): a German sound code, so Meyer/Maier, Sophie/Sofie and Müller/Mueller share one
 * code. Used only for the duplicate check's blocking keys; the score itself comes from scoring.ts.
 */
import { foldSearch } from '../../domain/text.js';

/** The code of one letter from its neighbours (letters a–z only; `h` has none). */
function letterCode(c: string, prev: string, next: string, first: boolean): string {
  if ('aeijouy'.includes(c)) return '0';
  switch (c) {
    case 'h':
      return '';
    case 'b':
      return '1';
    case 'p':
      return next === 'h' ? '3' : '1';
    case 'd':
    case 't':
      return 'csz'.includes(next) && next ? '8' : '2';
    case 'f':
    case 'v':
    case 'w':
      return '3';
    case 'g':
    case 'k':
    case 'q':
      return '4';
    case 'c':
      if (first) return next && 'ahkloqrux'.includes(next) ? '4' : '8';
      if (prev && 'sz'.includes(prev)) return '8';
      return next && 'ahkoqux'.includes(next) ? '4' : '8';
    case 'x':
      return prev && 'ckq'.includes(prev) ? '8' : '48';
    case 'l':
      return '5';
    case 'm':
    case 'n':
      return '6';
    case 'r':
      return '7';
    case 's':
    case 'z':
      return '8';
    default:
      return '';
  }
}

/** The Kölner Phonetik code of a name ('' for a name without Latin letters); folded first (ü→u, ß→ss, Ł→l). */
export function koelnerPhonetik(name: string): string {
  const s = foldSearch(name).replace(/[^a-z]/g, '');
  let digits = '';
  for (let i = 0; i < s.length; i++) digits += letterCode(s[i], s[i - 1] ?? '', s[i + 1] ?? '', i === 0);
  let collapsed = '';
  for (const d of digits) if (d !== collapsed[collapsed.length - 1]) collapsed += d;
  // Zeros (vowels) only count at the start.
  return collapsed.slice(0, 1) + collapsed.slice(1).replace(/0/g, '');
}
