/** The five demo jobcenters of domain.md §6 with PLZ ranges (unassigned 00xxx), Postkörbe and rules. */
import type { RuleCondition } from '../../domain/routing.js';

/** Seed description of one jobcenter. */
export interface DemoJobcenter {
  id: string;
  name: string;
  kind: 'ge' | 'zkt';
  wave: 'pilot' | 'wave1' | 'wave2' | 'not_yet';
  goLive: string | null;
  modules: Record<string, boolean>;
  contact: Record<string, string>;
  theme: string;
  plz: [string, string][];
  postkoerbe: { id: string; name: string; isDefault?: boolean }[];
  rules: { id: string; name: string; condition: RuleCondition; postkorbId: string }[];
}

const ALL_ON = { tda: true, ade: true, ibd: true, mws: true, oap: true };

/** The demo jobcenters. */
export const DEMO_JOBCENTERS: DemoJobcenter[] = [
  {
    id: 'musterstadt',
    name: 'Jobcenter Musterstadt',
    kind: 'ge',
    wave: 'pilot',
    goLive: '2022-10-04',
    modules: ALL_ON,
    contact: {
      phone: '0000 123450',
      email: 'jobcenter-musterstadt@example.org',
      address: 'Am Markt 1, 00100 Musterstadt',
      url: 'https://musterstadt.example/jobcenter',
      openingHours: 'Mo–Fr 8–12 Uhr, Do 14–18 Uhr',
      paperFormUrl: 'https://musterstadt.example/jobcenter/antrag.pdf',
    },
    theme: 'musterstadt',
    plz: [['00100', '00199']],
    postkoerbe: [
      { id: 'musterstadt-eingang', name: 'Eingangszone', isDefault: true },
      { id: 'musterstadt-u25', name: 'Team U25' },
      { id: 'musterstadt-international', name: 'Team International' },
      { id: 'musterstadt-nord', name: 'Team Nord' },
      { id: 'musterstadt-a-k', name: 'Leistung A–K' },
      { id: 'musterstadt-l-z', name: 'Leistung L–Z' },
      { id: 'musterstadt-mi', name: 'Markt & Integration' },
    ],
    rules: [
      { id: 'musterstadt-r0-oap', name: 'Arbeitsmarktprofil (OAP) → Markt & Integration', condition: { types: ['oap'] }, postkorbId: 'musterstadt-mi' },
      { id: 'musterstadt-r1', name: 'Unter 25 Jahren → Team U25', condition: { ageUnder: 25 }, postkorbId: 'musterstadt-u25' },
      {
        id: 'musterstadt-r2',
        name: 'Kontakt auf Arabisch, Ukrainisch, Russisch, Türkisch oder Farsi → Team International',
        condition: { languages: ['ar', 'uk', 'ru', 'tr', 'fa'] },
        postkorbId: 'musterstadt-international',
      },
      { id: 'musterstadt-r3', name: 'PLZ 0015x (Nord) → Team Nord', condition: { plzPrefixes: ['0015'] }, postkorbId: 'musterstadt-nord' },
      { id: 'musterstadt-r4', name: 'Nachname A–K', condition: { surnameFrom: 'A', surnameTo: 'K' }, postkorbId: 'musterstadt-a-k' },
      { id: 'musterstadt-r5', name: 'Nachname L–Z', condition: { surnameFrom: 'L', surnameTo: 'Z' }, postkorbId: 'musterstadt-l-z' },
    ],
  },
  {
    id: 'beispielkreis',
    name: 'Jobcenter Landkreis Beispielkreis',
    kind: 'ge',
    wave: 'wave2',
    goLive: '2022-11-29',
    modules: { ...ALL_ON, oap: false },
    contact: {
      phone: '0000 223340',
      email: 'jobcenter-beispielkreis@example.org',
      address: 'Kreishaus, Lindenallee 5, 00200 Beispielstadt',
      openingHours: 'Mo–Fr 8–12 Uhr',
    },
    theme: 'beispielkreis',
    plz: [['00200', '00299']],
    postkoerbe: [
      { id: 'beispielkreis-eingang', name: 'Eingang Kreishaus', isDefault: true },
      { id: 'beispielkreis-aussenstelle', name: 'Außenstelle Talheim' },
    ],
    rules: [
      { id: 'beispielkreis-r1', name: 'PLZ 0027x–0029x → Außenstelle Talheim', condition: { plzPrefixes: ['0027', '0028', '0029'] }, postkorbId: 'beispielkreis-aussenstelle' },
    ],
  },
  {
    id: 'hafenstadt',
    name: 'Jobcenter Hafenstadt',
    kind: 'ge',
    wave: 'wave2',
    goLive: '2022-11-29',
    modules: ALL_ON,
    contact: { phone: '0000 334450', email: 'jobcenter-hafenstadt@example.org', address: 'Kaistraße 12, 00300 Hafenstadt', openingHours: 'Mo–Fr 7:30–12:30 Uhr' },
    theme: 'hafenstadt',
    plz: [['00300', '00399']],
    postkoerbe: [
      { id: 'hafenstadt-eingang', name: 'Eingang', isDefault: true },
      { id: 'hafenstadt-mehrsprachig', name: 'Mehrsprachiges Team' },
      { id: 'hafenstadt-mi', name: 'Markt & Integration' },
    ],
    rules: [
      { id: 'hafenstadt-r0-oap', name: 'Arbeitsmarktprofil (OAP) → Markt & Integration', condition: { types: ['oap'] }, postkorbId: 'hafenstadt-mi' },
      { id: 'hafenstadt-r1', name: 'Kontakt nicht auf Deutsch → Mehrsprachiges Team', condition: { languages: ['en', 'ar', 'tr', 'uk', 'ru', 'pl', 'ro', 'fa', 'fr'] }, postkorbId: 'hafenstadt-mehrsprachig' },
    ],
  },
  {
    id: 'bergland-sued',
    name: 'Jobcenter Bergland-Süd',
    kind: 'ge',
    wave: 'not_yet',
    goLive: null,
    modules: ALL_ON,
    contact: {
      phone: '0000 445560',
      email: 'jobcenter-bergland-sued@example.org',
      address: 'Talstraße 3, 00400 Bergdorf',
      openingHours: 'Mo, Di, Do 8–12 Uhr',
      paperFormUrl: 'https://bergland-sued.example/antrag.pdf',
    },
    theme: 'bergland-sued',
    plz: [['00400', '00499']],
    postkoerbe: [{ id: 'bergland-sued-eingang', name: 'Eingang', isDefault: true }, { id: 'bergland-sued-mi', name: 'Markt & Integration' }],
    rules: [{ id: 'bergland-sued-r0-oap', name: 'Arbeitsmarktprofil (OAP) → Markt & Integration', condition: { types: ['oap'] }, postkorbId: 'bergland-sued-mi' }],
  },
  {
    id: 'exempelkreis',
    name: 'Kommunales Jobcenter Exempelkreis',
    kind: 'zkt',
    wave: 'not_yet',
    goLive: null,
    modules: {},
    contact: { phone: '0000 556670', email: 'jobcenter@exempelkreis.example', address: 'Kreisverwaltung, Schlossplatz 1, 00500 Exempel', url: 'https://exempelkreis.example/buergergeld' },
    theme: 'exempelkreis',
    plz: [['00500', '00599']],
    postkoerbe: [{ id: 'exempelkreis-weiterleitung', name: 'Weiterleitung', isDefault: true }],
    rules: [],
  },
];
