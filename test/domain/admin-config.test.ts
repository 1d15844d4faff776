import { describe, expect, it } from 'vitest';
import {
  diffConfig,
  ibdChanges,
  ibdSchedule,
  jobcenterConfig,
  originProblem,
  positioned,
  simulate,
  subsumes,
  validateRuleSet,
  type IbdConfig,
  type JobcenterConfig,
  type RuleConfig,
} from '../../domain/admin-config.js';
import { route } from '../../domain/routing.js';

const PK = [
  { id: 'eingang', name: 'Eingangszone', isDefault: true },
  { id: 'u25', name: 'Team U25', isDefault: false },
  { id: 'kdu', name: 'Team Wohnen', isDefault: false },
];
const rule = (id: string, condition: RuleConfig['condition'], postkorbId = 'u25'): RuleConfig => ({ id, name: id, condition, postkorbId });
const SUBJECT = { type: 'ade' as const, surname: 'Özdemir', birthDate: '2003-05-01', postalCode: '00155', language: 'de', applicationDate: '2026-11-25' };

describe('validateRuleSet', () => {
  it('accepts a sound rule set', () => {
    expect(validateRuleSet(PK, [rule('a', { ageUnder: 25 }), rule('b', { surnameFrom: 'A', surnameTo: 'K' })])).toEqual([]);
  });
  it('finds missing or several defaults, unknown Postkörbe and duplicate ids', () => {
    expect(validateRuleSet(PK.map((p) => ({ ...p, isDefault: false })), [])).toEqual([{ code: 'no-default' }]);
    expect(validateRuleSet(PK.map((p) => ({ ...p, isDefault: true })), [])[0]).toEqual({ code: 'several-defaults', postkorbId: 'u25' });
    expect(validateRuleSet([...PK, PK[1]], [rule('a', {}, 'nirgends'), rule('a', { types: ['oap'] })])).toEqual([
      { code: 'duplicate-postkorb-id', postkorbId: 'u25' },
      { code: 'unknown-postkorb', ruleId: 'a', postkorbId: 'nirgends' },
      { code: 'duplicate-rule-id', ruleId: 'a' },
      { code: 'unreachable', ruleId: 'a', shadowedBy: 'a' },
    ]);
  });
  it('finds impossible ranges', () => {
    expect(validateRuleSet(PK, [rule('s', { surnameFrom: 'M', surnameTo: 'C' }), rule('g', { ageFrom: 25, ageUnder: 25 })])).toEqual([
      { code: 'surname-range', ruleId: 's' },
      { code: 'age-range', ruleId: 'g' },
    ]);
  });
  it('finds rules shadowed by an earlier, weaker-or-equal condition', () => {
    const problems = validateRuleSet(PK, [
      rule('plz', { plzPrefixes: ['001'] }),
      rule('plz-narrow', { plzPrefixes: ['0015', '0016'], languages: ['de'] }),
      rule('ak', { surnameFrom: 'A', surnameTo: 'K' }),
      rule('cd', { surnameFrom: 'C', surnameTo: 'D', ageFrom: 30 }),
      rule('all', {}),
      rule('after-all', { types: ['tda'] }),
    ]);
    expect(problems).toEqual([
      { code: 'unreachable', ruleId: 'plz-narrow', shadowedBy: 'plz' },
      { code: 'unreachable', ruleId: 'cd', shadowedBy: 'ak' },
      { code: 'unreachable', ruleId: 'after-all', shadowedBy: 'all' },
    ]);
  });
  it('never calls a reachable rule unreachable (sound subsumption)', () => {
    expect(subsumes({ surnameFrom: 'A', surnameTo: 'Z' }, {})).toBe(false); // non-Latin initials
    expect(subsumes({ ageUnder: 25 }, { ageFrom: 18 })).toBe(false);
    expect(subsumes({ ageFrom: 18 }, { ageFrom: 25, ageUnder: 30 })).toBe(true);
    expect(subsumes({ languages: ['ar'] }, { languages: ['ar', 'fa'] })).toBe(false);
    expect(subsumes({ anlagen: ['KDU', 'EKS'] }, { anlagen: ['KDU'] })).toBe(true);
    expect(subsumes({ types: ['ade'] }, { plzPrefixes: ['001'] })).toBe(false);
  });
});

describe('simulate', () => {
  it('uses route(): first match by position, default Postkorb otherwise, with a trace', () => {
    const rules = positioned([rule('kdu', { anlagen: ['KDU'] }, 'kdu'), rule('u25', { ageUnder: 25 })]);
    const withKdu = simulate(rules, PK, { ...SUBJECT, anlagen: ['EK', 'KDU'] });
    expect(withKdu).toMatchObject({ postkorbId: 'kdu', ruleId: 'kdu', trace: [{ ruleId: 'kdu', matched: true, reasons: [] }] });
    const without = simulate(rules, PK, SUBJECT);
    expect(without).toMatchObject({ postkorbId: 'u25', ruleId: 'u25' });
    expect(without.trace[0]).toEqual({ ruleId: 'kdu', matched: false, reasons: ['anlagen'] });
    expect(route(rules, SUBJECT)?.id).toBe(without.ruleId);
    const old = simulate(rules, PK, { ...SUBJECT, birthDate: '1960-01-01' });
    expect(old).toMatchObject({ postkorbId: 'eingang', postkorbName: 'Eingangszone', ruleId: null });
    expect(old.trace.map((x) => x.reasons)).toEqual([['anlagen'], ['age']]);
  });
});

describe('diffConfig', () => {
  const base: JobcenterConfig = jobcenterConfig.parse({
    schema: 'urn:jc:jobcenter-config',
    schemaVersion: 1,
    jobcenterId: 'musterstadt',
    exportedAt: '2026-11-25T10:00:00Z',
    postkoerbe: PK,
    rules: [rule('a', { ageUnder: 25 }), rule('b', { types: ['oap'] }, 'kdu'), rule('c', { languages: ['uk'] })],
    allowedOrigins: ['https://portal.example'],
    modules: { tda: true, ade: true, ibd: true, mws: true, oap: false },
    theme: 'musterstadt',
    contact: { phone: '0000 1' },
  });
  it('is empty for the same configuration', () => {
    expect(diffConfig(base, { ...base, exportedAt: '2027-01-01T00:00:00Z' })).toEqual([]);
  });
  it('names every change in a readable line', () => {
    const next: JobcenterConfig = {
      ...base,
      postkoerbe: [PK[0], { ...PK[1], name: 'Team Jung' }, { id: 'neu', name: 'Neu', isDefault: false }],
      rules: [base.rules[1], base.rules[0], { ...rule('d', {}, 'neu'), name: 'Rest' }],
      allowedOrigins: ['https://neu.example'],
      modules: { ...base.modules, oap: true },
      theme: 'dark',
      contact: { phone: '0000 2' },
    };
    expect(diffConfig(base, next).map((l) => l.text)).toEqual([
      'Postkorb u25 geändert: „Team U25“ → „Team Jung“',
      'Postkorb „Neu“ (neu) hinzugefügt',
      'Postkorb „Team Wohnen“ (kdu) entfernt',
      'Regel b: Position 2 → 1',
      'Regel a: Position 1 → 2',
      'Regel „Rest“ (d) an Position 3 hinzugefügt → neu',
      'Regel „c“ (c) entfernt',
      'Herkunft https://neu.example erlaubt',
      'Herkunft https://portal.example nicht mehr erlaubt',
      'Modul OAP eingeschaltet',
      'Theme musterstadt → dark',
      'Kontaktdaten geändert',
    ]);
  });
});

describe('originProblem', () => {
  it('allows https origins and http://localhost outside production only', () => {
    expect(originProblem('https://portal.example', true)).toBeNull();
    expect(originProblem('https://portal.example:8443/', true)).toBeNull();
    expect(originProblem('http://localhost:8080', false)).toBeNull();
    expect(originProblem('http://localhost:8080', true)).toBe('origin_not_https');
    expect(originProblem('http://portal.example', false)).toBe('origin_not_https');
    expect(originProblem('https://*.example', false)).toBe('origin_wildcard');
    expect(originProblem('https://portal.example/widgets', false)).toBe('origin_path');
    expect(originProblem('https://portal.example?x=1', false)).toBe('origin_path');
    expect(originProblem('https://user@portal.example', false)).toBe('invalid_origin');
    expect(originProblem('portal.example', false)).toBe('invalid_origin');
  });
});

describe('IBD texts in the configuration document', () => {
  const TEXT = 'Erstanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen.';
  const erst = (effectiveFrom: string, weeks = 3, text = TEXT): IbdConfig => ({ type: 'erstantrag', text, weeks, effectiveFrom });
  const doc = (ibd?: IbdConfig[]) => ({
    schema: 'urn:jc:jobcenter-config',
    schemaVersion: ibd ? 2 : 1,
    jobcenterId: 'musterstadt',
    exportedAt: '2026-11-25T10:00:00Z',
    postkoerbe: PK,
    rules: [],
    allowedOrigins: [],
    modules: { tda: true, ade: true, ibd: true, mws: true, oap: false },
    theme: 'musterstadt',
    contact: {},
    ...(ibd ? { ibd } : {}),
  });
  const TODAY = '2026-11-25';
  const current = [erst('2022-10-04', 4), erst('2023-01-01'), erst('2026-12-01', 2)];

  it('validates entries with the rules of POST …/ibd; version 2 needs ibd, version 1 has none', () => {
    expect(jobcenterConfig.safeParse(doc(current)).success).toBe(true);
    expect(jobcenterConfig.safeParse(doc()).success).toBe(true);
    expect(jobcenterConfig.safeParse({ ...doc(), schemaVersion: 2 }).success).toBe(false);
    expect(jobcenterConfig.safeParse({ ...doc(current), schemaVersion: 1 }).success).toBe(false);
    const bad = jobcenterConfig.safeParse(doc([{ ...erst('2026-12-01'), weeks: undefined }, { ...erst('2026-12-02'), text: 'kurz' }, { ...erst('2026-13-40') }]));
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ibd.0.weeks', 'required'],
      ['ibd.1.text', 'too_small'],
      ['ibd.2.effectiveFrom', expect.any(String)],
    ]);
  });

  it('schedules the version in force today and the future ones (the newest among equal dates)', () => {
    expect(ibdSchedule([...current, erst('2026-12-01', 5)], TODAY)).toEqual([
      { ...erst('2023-01-01'), inForce: true },
      { ...erst('2026-12-01', 5), inForce: false },
    ]);
  });

  it('round trip: the same schedule is no change; version 1 (no ibd) changes nothing', () => {
    const exported = ibdSchedule(current, TODAY).map(({ inForce: _, ...e }) => e);
    expect(ibdChanges(exported, exported, TODAY)).toEqual({ changes: [], problems: [] });
    expect(ibdChanges(exported, [erst('2022-01-01'), ...exported], TODAY).changes).toEqual([]); // superseded past entries drop out
    expect(ibdChanges(exported, undefined, TODAY)).toEqual({ changes: [], problems: [] });
    const base = jobcenterConfig.parse(doc(exported));
    expect(diffConfig(base, { ...base, exportedAt: '2027-01-01T00:00:00Z' }, TODAY)).toEqual([]);
    expect(diffConfig(base, jobcenterConfig.parse(doc()), TODAY)).toEqual([]);
  });

  it('names IBD changes; a past date takes effect today; removing or doubling a version is a problem', () => {
    const base = jobcenterConfig.parse(doc([erst('2023-01-01'), erst('2026-12-01', 2)]));
    const next = jobcenterConfig.parse(
      doc([erst('2024-02-01', 3, 'Erstanträge bearbeiten wir zurzeit in {weeks} Wochen.'), erst('2026-12-01', 2), { type: 'veraenderung', text: 'Veränderungen bearbeiten wir sofort nach Eingang.', textEn: 'We process changes at once.', effectiveFrom: '2027-01-01' }]),
    );
    expect(diffConfig(base, next, TODAY).map((l) => [l.op, l.id, l.text])).toEqual([
      ['changed', 'erstantrag:2026-11-25', 'IBD Erstantrag ab 2026-11-25 (heute; das Datum 2024-02-01 im Dokument liegt in der Vergangenheit): neuer Text „Erstanträge bearbeiten wir zurzeit in {weeks} Wochen.“'],
      ['added', 'veraenderung:2027-01-01', 'IBD Veränderung ab 2027-01-01: neuer Text „Veränderungen bearbeiten wir sofort nach Eingang.“; neuer englischer Text „We process changes at once.“'],
    ]);
    expect(ibdChanges(base.ibd!, next.ibd, TODAY).changes.map((c) => c.entry.effectiveFrom)).toEqual(['2026-11-25', '2027-01-01']);
    expect(ibdChanges(base.ibd!, [erst('2023-01-01')], TODAY).problems).toEqual([{ code: 'ibd-removed', ibdType: 'erstantrag', effectiveFrom: '2026-12-01' }]);
    expect(ibdChanges(base.ibd!, [...base.ibd!, erst('2026-12-01', 6)], TODAY).problems).toEqual([{ code: 'ibd-duplicate', ibdType: 'erstantrag', effectiveFrom: '2026-12-01' }]);
  });
});
