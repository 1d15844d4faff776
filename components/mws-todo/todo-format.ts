/** Dates, deadlines and corrected values of the to-do list. */
import { msg, str } from '@lit/localize';
import { activeLocale, intlLocale } from '../locales/localization.js';
import { berlinDate } from '../../domain/dates.js';

/** "9. Dezember 2026" / "9 December 2026" for a YYYY-MM-DD date. */
export function dayInWords(day: string): string {
  return new Intl.DateTimeFormat(intlLocale(activeLocale()), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
}

/** Date and time of an instant in German time, e.g. "25. November 2026, 14:05". */
export function instantInWords(at: string): string {
  return new Intl.DateTimeFormat(intlLocale(activeLocale()), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(new Date(at));
}

/** Whole days from today (in Germany) to a deadline; negative once it passed. */
export function daysLeft(deadline: string, now = new Date()): number {
  const a = Date.parse(`${berlinDate(now)}T00:00:00Z`);
  const b = Date.parse(`${deadline.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** The deadline in words: "noch 14 Tage", "heute", or overdue. */
export function deadlineText(days: number): string {
  if (days > 1) return msg(str`noch ${days} Tage`, { id: 'todo.daysLeft' });
  if (days === 1) return msg('noch 1 Tag', { id: 'todo.oneDayLeft' });
  if (days === 0) return msg('nur noch heute', { id: 'todo.today' });
  const over = -days;
  return over === 1
    ? msg('Frist überschritten – seit 1 Tag', { id: 'todo.overdueOne' })
    : msg(str`Frist überschritten – seit ${over} Tagen`, { id: 'todo.overdue' });
}

/** How a field's value is edited: Ja/Nein, a number, a date (TT.MM.JJJJ) or text. */
export type ValueKind = 'bool' | 'number' | 'date' | 'text' | 'choice' | 'multi';

/** The kind of input for the value the server holds. */
export function valueKind(v: unknown, questionKind?: string): ValueKind {
  switch (questionKind) {
    case 'yesno':
      return 'bool';
    case 'money':
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'choice':
      return 'choice';
    case 'multi':
      return 'multi';
    case undefined:
      break;
    default:
      return 'text';
  }
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return 'date';
  return 'text';
}

/** The value as the person edits it. */
export function toDraft(v: unknown): string {
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(String).join('\n');
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'string')
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8)}.${v.slice(5, 7)}.${v.slice(0, 4)}` : v;
  return '';
}

/** The value sent to the server; what cannot be read is sent as typed, so the server names the problem. */
export function fromDraft(kind: ValueKind, s: string): unknown {
  const t = s.trim();
  if (kind === 'bool') return t === '' ? '' : t === 'true';
  if (kind === 'multi') return t === '' ? [] : t.split('\n');
  if (kind === 'choice') return t;
  if (kind === 'number') {
    const n = Number(
      t
        .replace(/\s|€/g, '')
        .replace(/\.(?=\d{3}(\D|$))/g, '')
        .replace(',', '.'),
    );
    return t === '' || Number.isNaN(n) ? t : n;
  }
  if (kind === 'date') {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
    return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : t;
  }
  return t;
}
