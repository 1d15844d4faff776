/** Sample staff data for stories and component tests, shaped exactly like the staff API (fictitious). */
import type { InboxItem, InboxPage, StaffView } from '../domain/staff.js';
import { addDays, berlinDate } from '../domain/dates.js';

/** The demo staff accounts and the codes the mock accepts. */
export const STAFF_DEMO = {
  email: 'sabine.beispiel@jobcenter-musterstadt.example',
  password: 'dienst-passwort-2026',
  /** An account without a second factor yet (enrolment). */
  newEmail: 'nora.neu@jobcenter-musterstadt.example',
  /** An account that is throttled (429, Retry-After 120). */
  lockedEmail: 'gesperrt@jobcenter-musterstadt.example',
  /** The TOTP code the mock accepts. */
  totp: '123456',
  /** A recovery code the mock accepts (once). */
  recovery: 'ABCD-EFGH-JK23',
  /** The enrolment code (Freischaltcode) the mock accepts for the new account. */
  enrolmentCode: 'KMNP-QRST-UV23',
  /** The TOTP secret of the enrolment. */
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
} as const;

/** Sabine, caseworker Leistung in Musterstadt. */
export const ME: StaffView = {
  id: 'st_sabine',
  name: 'Sabine Beispiel',
  email: STAFF_DEMO.email,
  jobcenterId: 'musterstadt',
  roles: ['leistung'],
};

/** Nora, who enrols her authenticator app. */
export const NEW_STAFF: StaffView = {
  id: 'st_nora',
  name: 'Nora Neu',
  email: STAFF_DEMO.newEmail,
  jobcenterId: 'musterstadt',
  roles: ['leistung', 'teamleitung'],
};

/** Colleagues of the jobcenter (GET /api/staff/colleagues). */
export const COLLEAGUES = [
  { id: 'st_jonas', name: 'Jonas Kollege' },
  { id: 'st_ayse', name: 'Ayşe Demir' },
  { id: ME.id, name: ME.name },
];

/** Postkörbe of the demo jobcenter. */
export const POSTKOERBE = [
  { id: 'pk_leistung_1', name: 'Leistung Team 1' },
  { id: 'pk_leistung_2', name: 'Leistung Team 2' },
  { id: 'pk_mws', name: 'Mitwirkung' },
];

/** Ten recovery codes as POST /api/staff/totp/confirm sends them. */
export const RECOVERY_CODES = [
  'ABCD-EFGH-JK23',
  'MNPQ-RSTU-VW45',
  'XYZ2-3456-789A',
  'BCDE-FGHJ-KLMN',
  'PQRS-TUVW-XYZ2',
  '3456-789A-BCDE',
  'FGHJ-KLMN-PQRS',
  'TUVW-XYZ2-3456',
  '789A-BCDE-FGHJ',
  'KLMN-PQRS-TUVW',
];

const FIRST = ['Erika', 'Max', 'Leyla', 'Jan', 'Olga', 'Tim', 'Mira', 'Ahmet', 'Lena', 'Paul', 'Ines'];
const LAST = [
  'Mustermann',
  'Beispiel',
  'Yılmaz',
  'Kowalski',
  'Schmidt',
  'Nguyen',
  'Weber',
  'Öztürk',
  'Lange',
];
const TYPES = ['tda', 'ade', 'mws_reply', 'ade', 'tda'] as const;
const DAY = 86_400_000;

/** `n` work items, oldest first, with ages from 0 to ~40 days, some deadlines and assignees. */
export function makeItems(n: number, now = Date.now()): InboxItem[] {
  return Array.from({ length: n }, (_, i) => {
    const type = TYPES[i % TYPES.length];
    const prefix = type === 'tda' ? 'TDA' : type === 'ade' ? 'HA' : 'MWS';
    const number = `${prefix}-2026-${String(1000 + i).padStart(6, '0')}`;
    const pk = type === 'mws_reply' ? POSTKOERBE[2] : POSTKOERBE[i % 2];
    const assignee = i % 5 === 1 ? { id: ME.id, name: ME.name } : i % 4 === 2 ? COLLEAGUES[0] : null;
    const ageDays = Math.max(0, 40 - Math.floor((i * 40) / Math.max(n, 1)));
    return {
      id: `wi_${String(i + 1).padStart(4, '0')}`,
      type,
      status: assignee ? (i % 9 === 0 ? 'erledigt' : 'in_bearbeitung') : 'neu',
      title: `${LAST[i % LAST.length]}, ${FIRST[i % FIRST.length]} – ${number}`,
      postkorbId: pk.id,
      postkorbName: pk.name,
      assignee,
      createdAt: new Date(now - ageDays * DAY - (i % 7) * 3_600_000).toISOString(),
      deadline:
        type === 'mws_reply' || i % 6 === 0
          ? addDays(berlinDate(new Date(now)), (i % 11) - 3)
          : null,
      version: 1,
      applicationId: type === 'tda' ? null : `app_${String(i + 1).padStart(4, '0')}`,
    } satisfies InboxItem;
  });
}

/** Open counts per Postkorb of a set of items. */
export function countOpen(items: readonly InboxItem[]): InboxPage['postkoerbe'] {
  return POSTKOERBE.map((p) => ({
    ...p,
    open: items.filter((i) => i.postkorbId === p.id && i.status !== 'erledigt').length,
  }));
}

/** A QR-code-like SVG in the shape the server's library (uqr) writes: one `<rect>`, one `<path>` (not a readable code). */
export function qrSvg(size = 29, pixel = 4): string {
  let dark = '';
  const finder = (x: number, y: number, dx: number, dy: number) => {
    const [u, v] = [dx - x, dy - y];
    if (u < 0 || v < 0 || u > 6 || v > 6) return false;
    return u === 0 || u === 6 || v === 0 || v === 6 || (u >= 2 && u <= 4 && v >= 2 && v <= 4);
  };
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const corner = (x < 8 && y < 8) || (x >= size - 8 && y < 8) || (x < 8 && y >= size - 8);
      const on = corner
        ? finder(0, 0, x, y) || finder(size - 7, 0, x, y) || finder(0, size - 7, x, y)
        : (x * 7 + y * 13 + x * y) % 5 < 2;
      if (on) dark += `M${(x + 2) * pixel},${(y + 2) * pixel}h${pixel}v${pixel}h-${pixel}z`;
    }
  const full = (size + 4) * pixel;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="QR-Code für die Authenticator-App" viewBox="0 0 ${full} ${full}">` +
    `<rect fill="white" width="${full}" height="${full}"/><path fill="black" d="${dark}"/></svg>`
  );
}

/** An SVG with a script, handlers, a link and foreign content: none of it may reach the page. */
export const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="window.__pwned=1">' +
  '<script>window.__pwned=2</script><rect x="0" y="0" width="10" height="10" fill="#fff" onclick="window.__pwned=3"/>' +
  '<a xlink:href="javascript:window.__pwned=4"><rect x="1" y="1" width="2" height="2"/></a>' +
  '<foreignObject width="10" height="10"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned=5"/></foreignObject>' +
  '<path d="M1 1h2v2H1z" fill="url(https://evil.example/x)" style="fill:red"/><image href="https://evil.example/t.png"/></svg>';
