import { describe, expect, it } from 'vitest';
import { checkOapDraft, formatOapValue, oapCompleteness, oapFields, oapQuestionOf, validateOapService } from '../../domain/forms/oap-engine.js';
import { OAP_SERVICE_IDS, OAP_SERVICES } from '../../domain/forms/oap.js';
import { foldText, OCCUPATIONS, searchOccupations } from '../../domain/forms/occupations.js';
import { oapSaveInput, oapTakeoverInput } from '../../domain/oap.js';
import { OAP_ANSWERS } from '../fixtures/oap.js';

const TODAY = '2026-11-25';
const codes = (errs: { path: string; code: string }[]) => errs.map((e) => `${e.path}:${e.code}`);

describe('OAP eService definitions', () => {
  it('has unique question ids per service and bilingual labels everywhere', () => {
    for (const id of OAP_SERVICE_IDS) {
      const qs = OAP_SERVICES[id].pages.flatMap((p) => p.questions);
      expect(new Set(qs.map((q) => q.id)).size, id).toBe(qs.length);
      for (const q of [...qs, ...qs.flatMap((q) => q.item ?? [])]) {
        expect(q.label.de.length, q.id).toBeGreaterThan(0);
        expect(q.label.en.length, q.id).toBeGreaterThan(0);
      }
    }
  });

  it('accepts the complete fixture of every service', () => {
    for (const id of OAP_SERVICE_IDS) {
      expect(validateOapService(id, { ...OAP_ANSWERS[id] }, TODAY), id).toEqual([]);
      const c = oapCompleteness(id, { ...OAP_ANSWERS[id] }, TODAY);
      expect(c.answered, id).toBe(c.required);
    }
  });

  it('situation: requires the status, asks "since when" only when unemployed, health answers stay optional', () => {
    expect(codes(validateOapService('situation', {}, TODAY))).toEqual(expect.arrayContaining(['status:required', 'earliestStart:required', 'registeredElsewhere:required', 'careDuties:required']));
    expect(codes(validateOapService('situation', {}, TODAY)).some((c) => c.startsWith('hasHealthRestrictions') || c.startsWith('unemployedSince'))).toBe(false);
    const bad = { ...OAP_ANSWERS.situation, unemployedSince: '2099-01-01', status: 'bored' };
    expect(codes(validateOapService('situation', bad, TODAY))).toEqual(['status:invalid_option']);
    expect(codes(validateOapService('situation', { ...OAP_ANSWERS.situation, unemployedSince: '2099-01-01' }, TODAY))).toEqual(['unemployedSince:date_not_past']);
    expect(validateOapService('situation', { ...OAP_ANSWERS.situation, hasHealthRestrictions: true }, TODAY)).toEqual([]);
    const hint = OAP_SERVICES.situation.pages.find((p) => p.id === 'health')!;
    expect(hint.intro?.de).toContain('Art. 9 DSGVO');
    expect(hint.questions.every((q) => q.required === false)).toBe(true);
  });

  it('cv: checks list items (CEFR level, recognition when abroad, unknown item fields) and licence classes', () => {
    const langs = [{ id: 'l1', language: 'Deutsch', level: 'B3' }];
    expect(codes(validateOapService('cv', { ...OAP_ANSWERS.cv, languages: langs }, TODAY))).toEqual(['languages.0.level:invalid_option']);
    const abroad = [{ id: 't1', occupation: 'Lehrerin', degree: 'university', abroad: true }];
    expect(codes(validateOapService('cv', { ...OAP_ANSWERS.cv, trainings: abroad }, TODAY))).toEqual(['trainings.0.recognised:required']);
    expect(codes(validateOapService('cv', { ...OAP_ANSWERS.cv, drivingLicences: ['B', 'X'] }, TODAY))).toEqual(['drivingLicences:invalid_option']);
    expect(codes(checkOapDraft('cv', { languages: [{ id: 'l1', language: 'Deutsch', salary: 1 }] }, TODAY))).toEqual(['languages.0.salary:unknown_field']);
    expect(codes(validateOapService('cv', { ...OAP_ANSWERS.cv, languages: [] }, TODAY))).toEqual(['languages:required']);
  });

  it('conditions: desired occupations only from the catalogue; hours only for part time', () => {
    expect(codes(validateOapService('conditions', { ...OAP_ANSWERS.conditions, desiredOccupations: ['99999'] }, TODAY))).toEqual(['desiredOccupations:invalid_option']);
    expect(codes(validateOapService('conditions', { ...OAP_ANSWERS.conditions, hoursPerWeek: 60 }, TODAY))).toEqual(['hoursPerWeek:too_big']);
    const full = { ...OAP_ANSWERS.conditions, workingTime: 'full' } as Record<string, unknown>;
    delete full.hoursPerWeek;
    expect(validateOapService('conditions', full, TODAY)).toEqual([]);
    expect(codes(validateOapService('conditions', { ...OAP_ANSWERS.conditions, salaryExpectation: 'viel' }, TODAY))).toEqual(['salaryExpectation:invalid_money']);
  });

  it('draft check: incomplete is fine, unknown fields and wrong types are refused', () => {
    expect(checkOapDraft('situation', { status: 'employed' }, TODAY)).toEqual([]);
    expect(checkOapDraft('situation', { unemployedSince: '2099-01-01' }, TODAY)).toEqual([]);
    expect(codes(checkOapDraft('situation', { foo: 1, careDuties: 'ja', earliestStart: '31.12.2026' }, TODAY))).toEqual(['foo:unknown_field', 'careDuties:invalid_type', 'earliestStart:invalid_date']);
    expect(codes(validateOapService('situation', { ...OAP_ANSWERS.situation, extra: true }, TODAY))).toContain('extra:unknown_field');
  });

  it('lists visible fields with labels and formatted values', () => {
    const f = oapFields('cv', { ...OAP_ANSWERS.cv }, TODAY);
    expect(f.find((x) => x.path === 'cv.languages')).toMatchObject({ label: 'Welche Sprachen sprechen Sie?', formatted: 'Deutsch (Muttersprache); Englisch (B2 – gut)' });
    expect(f.find((x) => x.path === 'cv.drivingLicences')?.formatted).toBe('Klasse B');
    const c = oapFields('conditions', { ...OAP_ANSWERS.conditions }, TODAY);
    expect(c.find((x) => x.path === 'conditions.desiredOccupations')?.formatted).toBe('Verkäufer/in, Kassierer/in');
    expect(c.some((x) => x.path === 'conditions.careConstraintsDetails')).toBe(false);
    expect(formatOapValue(oapQuestionOf('situation.unemployedSince')!.question, '2025-06-01')).toBe('01.06.2025');
    expect(formatOapValue(oapQuestionOf('conditions.salaryExpectation')!.question, 2500)).toBe('2.500,00 €');
    expect(oapQuestionOf('cv.nope')).toBeUndefined();
  });
});

describe('occupation catalogue', () => {
  it('has about 80 unique 5-digit codes', () => {
    expect(OCCUPATIONS.length).toBeGreaterThanOrEqual(75);
    expect(new Set(OCCUPATIONS.map((o) => o.code)).size).toBe(OCCUPATIONS.length);
    expect(OCCUPATIONS.every((o) => /^\d{5}$/.test(o.code))).toBe(true);
  });

  it('finds with umlaut and ß folding, in German and English', () => {
    expect(foldText('Straße Bäcker')).toBe('strasse backer');
    for (const q of ['Bäcker', 'baecker', 'BACKER', 'baker']) expect(searchOccupations(q).map((o) => o.code), q).toContain('29212');
    expect(searchOccupations('koch')[0].code).toBe('29302');
    expect(searchOccupations('')).toEqual([]);
    expect(searchOccupations('lager fach').map((o) => o.code)).toEqual(expect.arrayContaining(['51312']));
  });
});

describe('OAP API schemas', () => {
  it('accepts a save body and refuses unknown top-level keys', () => {
    expect(oapSaveInput.safeParse({ answers: { status: 'employed' } }).success).toBe(true);
    expect(oapSaveInput.safeParse({ answers: {}, status: 'submitted' }).success).toBe(false);
    expect(oapTakeoverInput.safeParse({ decisions: [{ path: 'cv.languages', accept: true }] }).success).toBe(true);
    expect(oapTakeoverInput.safeParse({ decisions: [{ path: 'cv.languages', accept: 'yes' }] }).success).toBe(false);
  });
});
