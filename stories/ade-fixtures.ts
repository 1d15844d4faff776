/** Sample answers of the Hauptantrag for stories and tests (fictitious; PLZ 00xxx; valid check digits). */
import type { Answers } from '../domain/forms/engine.js';

/** Section A–G and I of a German applicant who lives alone without housing costs: complete and valid. */
export const MAIN_COMPLETE: Answers['main'] = {
  firstName: 'Erika',
  lastName: 'Mustermann',
  birthDate: '1990-08-12',
  birthPlace: 'Musterstadt',
  birthCountry: 'Deutschland',
  sex: 'f',
  nationality: 'DE',
  noFixedAbode: false,
  street: 'Lindenweg',
  houseNumber: '4a',
  postalCode: '00123',
  city: 'Musterstadt',
  hasAccount: true,
  accountHolder: 'Erika Mustermann',
  iban: 'DE89370400440532013000',
  rvStatus: 'none',
  guardian: false,
  applyFrom: 'now',
  maritalStatus: 'single',
  ableToWork: true,
  singleParent: false,
  pregnant: false,
  inEducation: 'none',
  costlyDiet: false,
  disability: false,
  specialNeed: false,
  institution: false,
  benefitsLast3Years: false,
  employedLast5: false,
  selfEmployed: false,
  wageReplacement: false,
  careOfRelatives: false,
  claimsAgainstThirdParties: false,
  accident: false,
  insurance: 'statutory_compulsory',
  insurer: 'AOK Musterstadt',
  livesAlone: true,
  housingCosts: false,
};

/** Complete answers including the Anlagen EK and VM and the declaration: ready to submit. */
export function completeAnswers(over: Partial<Answers['main']> = {}): Answers {
  return {
    main: { ...MAIN_COMPLETE, truthful: true, dataProtection: true, ...over },
    members: [],
    anlagen: {
      'EK:applicant': { incomeTypes: ['none'] },
      VM: {
        accounts: [{ id: 'acc-1', bank: 'Sparkasse Musterstadt', accountKind: 'current', balance: 120.5 }],
        cash: 20,
        securities: false,
        vehicles: false,
        realEstate: false,
        lifeInsurance: false,
      },
    },
  };
}

/** Complete but without the declaration: the flow resumes on section I. */
export function answersBeforeDeclaration(): Answers {
  const a = completeAnswers();
  const { truthful: _t, dataProtection: _d, ...main } = a.main;
  return { ...a, main };
}
