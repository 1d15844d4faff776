import { describe, expect, it } from 'vitest';
import { anlagenFor, emptyAnswers, pagesFor, validateApplication } from '../../domain/forms/engine.js';
import { APPLICATION_DATE, complete, HOUSEHOLDS } from '../fixtures/households.js';

describe('Hauptantrag engine: the demo households', () => {
  for (const h of HOUSEHOLDS) {
    it(`${h.name}: exactly the expected Anlagen and evidence, no errors`, () => {
      const answers = complete(h.answers);
      const result = validateApplication(answers, APPLICATION_DATE);
      expect(result.errors).toEqual([]);
      expect(result.anlagen.map((a) => a.key).sort()).toEqual([...h.anlagen].sort());
      expect(result.evidence.map((e) => e.id).sort()).toEqual([...h.evidence].sort());
    });
  }

  it('asks section B only of non-German applicants', () => {
    const de = pagesFor(complete(HOUSEHOLDS[0].answers), APPLICATION_DATE).map((p) => p.key);
    const other = pagesFor(complete(HOUSEHOLDS[5].answers), APPLICATION_DATE).map((p) => p.key);
    expect(de).not.toContain('main/aufenthalt');
    expect(other).toContain('main/aufenthalt');
  });

  it('puts the declaration last, after every Anlage', () => {
    const pages = pagesFor(complete(HOUSEHOLDS[2].answers), APPLICATION_DATE);
    expect(pages.at(-1)?.key).toBe('main/erklaerung');
    expect(pages.at(-2)?.anlage).toBeDefined();
  });

  it('computes ages on the date of application: a child turning 15 after it stays in KI', () => {
    const a = complete({ ...emptyAnswers(), main: { livesAlone: false, birthDate: '1980-01-01' }, members: [{ id: 'k', firstName: 'K', lastName: 'M', birthDate: '2011-11-03', relationship: 'child' }] });
    expect(anlagenFor(a, '2026-11-02').map((x) => x.key)).toContain('KI:k');
    expect(anlagenFor(a, '2026-11-03').map((x) => x.key)).toContain('WEP:k');
  });

  it('hand-in-later answers never block and become to-dos', () => {
    const a = complete({ ...HOUSEHOLDS[0].answers, main: { ...HOUSEHOLDS[0].answers.main, rvStatus: 'has', rvnr: { later: true } } });
    const r = validateApplication(a, APPLICATION_DATE);
    expect(r.errors).toEqual([]);
    expect(r.todos).toEqual([{ path: 'main.rvnr', label: 'Rentenversicherungsnummer' }]);
    const notAllowed = validateApplication({ ...a, main: { ...a.main, lastName: { later: true } } }, APPLICATION_DATE);
    expect(notAllowed.errors).toEqual([expect.objectContaining({ path: 'main.lastName', code: 'later_not_allowed' })]);
  });

  it('a hidden question is never required; a shown one is; unknown fields are rejected', () => {
    const a = complete(HOUSEHOLDS[0].answers);
    const { nationalityName: _n, ...rest } = a.main;
    expect(validateApplication({ ...a, main: rest }, APPLICATION_DATE).errors).toEqual([]);
    const shown = validateApplication({ ...a, main: { ...rest, nationality: 'EU' } }, APPLICATION_DATE).errors.map((e) => e.path);
    expect(shown).toContain('main.nationalityName');
    const unknown = validateApplication({ ...a, main: { ...a.main, isAdmin: true }, anlagen: { ...a.anlagen, KDU: { ...a.anlagen.KDU, hack: 1 } } }, APPLICATION_DATE);
    expect(unknown.errors.map((e) => [e.path, e.code])).toEqual([['main.isAdmin', 'unknown_field'], ['anlagen.KDU.hack', 'unknown_field']]);
  });

  it('checks IBAN, Steuer-ID and RV-Nummer checksums', () => {
    const a = complete({ ...HOUSEHOLDS[0].answers, main: { ...HOUSEHOLDS[0].answers.main, iban: 'DE89370400440532013001', rvStatus: 'has', rvnr: '65170839J004', taxId: '86095742718' } });
    const codes = Object.fromEntries(validateApplication(a, APPLICATION_DATE).errors.map((e) => [e.path, e.code]));
    expect(codes).toEqual({ 'main.iban': 'invalid_iban', 'main.rvnr': 'invalid_rvnr', 'main.taxId': 'invalid_tax_id' });
  });

  it('requires the declarations of section I to be confirmed', () => {
    const a = complete(HOUSEHOLDS[0].answers);
    const r = validateApplication({ ...a, main: { ...a.main, truthful: false } }, APPLICATION_DATE);
    expect(r.errors).toEqual([expect.objectContaining({ path: 'main.truthful', code: 'must_confirm' })]);
  });
});

describe('legal wording by date of application', () => {
  it('says Bürgergeld before 01.07.2026 and Grundsicherungsgeld from then on, in titles and texts', async () => {
    const { legalVersion } = await import('../../domain/legal.js');
    expect(legalVersion('2026-06-30').benefitName.de).toBe('Bürgergeld');
    expect(legalVersion('2026-07-01').benefitName.de).toBe('Grundsicherungsgeld');
    const title = (date: string) => pagesFor(complete(HOUSEHOLDS[0].answers, date), date).find((p) => p.key === 'main/beginn')?.title;
    expect(title('2026-06-30')).toBe('Ab wann beantragen Sie Bürgergeld?');
    expect(title('2026-07-01')).toBe('Ab wann beantragen Sie Grundsicherungsgeld?');
  });
});
