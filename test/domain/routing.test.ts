import { describe, expect, it } from 'vitest';
import { ageOn } from '../../domain/common.js';
import { matches, route, surnameInitial, type RoutingRule, type RoutingSubject } from '../../domain/routing.js';

const subject = (over: Partial<RoutingSubject> = {}): RoutingSubject => ({
  type: 'tda',
  surname: 'Mustermann',
  birthDate: '1990-05-20',
  postalCode: '00123',
  language: 'de',
  applicationDate: '2026-11-25',
  ...over,
});

describe('routing rules', () => {
  it('computes ages on the date of application, birthday included', () => {
    expect(ageOn('2001-11-25', '2026-11-25')).toBe(25);
    expect(ageOn('2001-11-26', '2026-11-25')).toBe(24);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  });

  it('folds surname initials: umlauts, Ł, particles; non-Latin gives no letter', () => {
    expect(surnameInitial('Ünal')).toBe('U');
    expect(surnameInitial('Łukaszewicz')).toBe('L');
    expect(surnameInitial('von Bülow')).toBe('B');
    expect(surnameInitial('Шевченко')).toBe('');
    expect(surnameInitial('العلي')).toBe('');
  });

  it('requires every condition (AND) and treats letter ranges inclusively', () => {
    expect(matches({ surnameFrom: 'A', surnameTo: 'M' }, subject())).toBe(true);
    expect(matches({ surnameFrom: 'A', surnameTo: 'L' }, subject())).toBe(false);
    expect(matches({ ageUnder: 25, plzPrefixes: ['001'] }, subject({ birthDate: '2002-01-01' }))).toBe(true);
    expect(matches({ ageUnder: 25, plzPrefixes: ['002'] }, subject({ birthDate: '2002-01-01' }))).toBe(false);
    expect(matches({ types: ['ade'] }, subject())).toBe(false);
    expect(matches({ ageFrom: 50 }, subject())).toBe(false);
    expect(matches({}, subject())).toBe(true);
  });

  it('takes the first matching rule by position, not by array order', () => {
    const rules: RoutingRule[] = [
      { id: 'b', name: 'B', position: 20, condition: {}, postkorbId: 'p2' },
      { id: 'a', name: 'A', position: 10, condition: { languages: ['ar'] }, postkorbId: 'p1' },
    ];
    expect(route(rules, subject({ language: 'ar' }))?.id).toBe('a');
    expect(route(rules, subject())?.id).toBe('b');
    expect(route([], subject())).toBeNull();
  });
});
