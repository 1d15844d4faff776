/**
 * The Hauptantrag (edition "Jobcenter-HA 04/2026", sections A–I) as data. One person, one Hauptantrag;
 * every further member of the Bedarfsgemeinschaft (household community) is covered by Anlagen (anlagen.ts).
 * Adding a question is one edit here: the widget, the server validator and the PDF read this.
 */
import { INSURANCE, NATIONALITY, EDUCATION, opts, t, yesno } from './texts.js';
import type { Question, Section } from './types.js';

export { ANLAGEN } from './anlagen.js';

const NOT_GERMAN = { not: { q: 'nationality', eq: 'DE' } } as const;

/** Questions of one household member (a repeat item of section G). */
export const MEMBER_QUESTIONS: readonly Question[] = [
  { id: 'firstName', kind: 'text', label: t('Vorname', 'First name'), autocomplete: 'off' },
  { id: 'lastName', kind: 'text', label: t('Nachname', 'Surname'), autocomplete: 'off' },
  { id: 'birthDate', kind: 'date', date: 'past', label: t('Geburtsdatum', 'Date of birth') },
  {
    id: 'relationship',
    kind: 'choice',
    label: t('Wer ist diese Person für Sie?', 'Who is this person to you?'),
    options: opts(
      ['partner', 'Ehe- oder Lebenspartner/in, Partner/in', 'spouse or partner'],
      ['child', 'mein Kind (auch Stief- oder Pflegekind)', 'my child (also step- or foster child)'],
      ['parent', 'Mutter oder Vater', 'mother or father'],
      ['relative', 'andere/r Verwandte/r (z. B. Schwester, Großvater)', 'other relative (e.g. sister, grandfather)'],
      ['other', 'andere Person (z. B. Wohngemeinschaft)', 'other person (e.g. flat share)'],
    ),
  },
];

/** Sections A–I. */
export const HAUPTANTRAG: readonly Section[] = [
  {
    id: 'A',
    title: t('Persönliche Daten', 'Personal details'),
    pages: [
      {
        id: 'name',
        title: t('Wie heißen Sie?', 'What is your name?'),
        questions: [
          { id: 'firstName', kind: 'text', label: t('Vorname', 'First name'), autocomplete: 'given-name', evidence: [{ code: 'AUSWEIS', title: t('Personalausweis oder Reisepass – {person}', 'Identity card or passport – {person}') }] },
          { id: 'lastName', kind: 'text', label: t('Nachname', 'Surname'), autocomplete: 'family-name' },
          { id: 'birthName', kind: 'text', required: false, label: t('Geburtsname (falls anders)', 'Birth name (if different)') },
        ],
      },
      {
        id: 'geburt',
        title: t('Geburt und Geschlecht', 'Birth and sex'),
        questions: [
          { id: 'birthDate', kind: 'date', date: 'past', label: t('Geburtsdatum', 'Date of birth'), autocomplete: 'bday' },
          { id: 'birthPlace', kind: 'text', label: t('Geburtsort', 'Place of birth') },
          { id: 'birthCountry', kind: 'text', label: t('Geburtsland', 'Country of birth'), autocomplete: 'country-name' },
          { id: 'sex', kind: 'choice', label: t('Geschlecht', 'Sex'), options: opts(['f', 'weiblich', 'female'], ['m', 'männlich', 'male'], ['d', 'divers', 'diverse'], ['x', 'keine Angabe', 'not stated']) },
        ],
      },
      {
        id: 'staatsangehoerigkeit',
        title: t('Staatsangehörigkeit', 'Nationality'),
        questions: [
          { id: 'nationality', kind: 'choice', label: t('Welche Staatsangehörigkeit haben Sie?', 'What is your nationality?'), options: NATIONALITY },
          { id: 'nationalityName', kind: 'text', label: t('Welcher Staat?', 'Which country?'), when: { q: 'nationality', in: ['EU', 'OTHER'] } },
        ],
      },
      {
        id: 'anschrift',
        title: t('Anschrift und Kontakt', 'Address and contact'),
        questions: [
          yesno('noFixedAbode', t('Haben Sie keinen festen Wohnsitz?', 'Do you have no fixed abode?')),
          { id: 'street', kind: 'text', label: t('Straße', 'Street'), autocomplete: 'address-line1', evidence: [{ code: 'MELDEBESCHEINIGUNG', title: t('Meldebescheinigung – {person}', 'Registration certificate – {person}'), when: { q: 'noFixedAbode', eq: false } }] },
          { id: 'houseNumber', kind: 'text', max: 20, label: t('Hausnummer', 'House number') },
          { id: 'addressSuffix', kind: 'text', required: false, label: t('Adresszusatz oder „wohnhaft bei“', 'Address suffix or "c/o"') },
          { id: 'postalCode', kind: 'plz', label: t('Postleitzahl', 'Postal code'), autocomplete: 'postal-code' },
          { id: 'city', kind: 'text', label: t('Ort', 'Town or city'), autocomplete: 'address-level2' },
          { id: 'phone', kind: 'phone', required: false, label: t('Telefon (freiwillig)', 'Phone (optional)'), autocomplete: 'tel' },
          { id: 'email', kind: 'email', required: false, label: t('E-Mail (freiwillig)', 'E-mail (optional)'), autocomplete: 'email' },
        ],
      },
      {
        id: 'konto',
        title: t('Bankverbindung', 'Bank account'),
        questions: [
          yesno('hasAccount', t('Haben Sie ein Girokonto?', 'Do you have a current account?')),
          { id: 'accountHolder', kind: 'text', when: { q: 'hasAccount', eq: true }, label: t('Kontoinhaber/in', 'Account holder'), autocomplete: 'cc-name' },
          { id: 'iban', kind: 'iban', when: { q: 'hasAccount', eq: true }, label: t('IBAN', 'IBAN'), hint: t('Eine deutsche IBAN beginnt mit DE und hat 22 Stellen.', 'A German IBAN starts with DE and has 22 characters.') },
          { id: 'noAccountReason', kind: 'textarea', when: { q: 'hasAccount', eq: false }, label: t('Warum haben Sie kein Konto?', 'Why do you have no account?'), hint: t('Jede Person hat Anspruch auf ein Basiskonto. Wir zahlen notfalls per Scheck.', 'Everyone is entitled to a basic account. If needed, we pay by cheque.') },
        ],
      },
      {
        id: 'kennnummern',
        title: t('Renten- und Steuernummer', 'Pension and tax numbers'),
        questions: [
          { id: 'rvStatus', kind: 'choice', label: t('Haben Sie eine Rentenversicherungsnummer?', 'Do you have a pension insurance number?'), options: opts(['has', 'ja', 'yes'], ['applied', 'beantragt', 'applied for'], ['none', 'nein', 'no']) },
          { id: 'rvnr', kind: 'rvnr', allowLater: true, when: { q: 'rvStatus', eq: 'has' }, label: t('Rentenversicherungsnummer', 'Pension insurance number'), hint: t('12 Zeichen, steht auf dem Sozialversicherungsausweis, z. B. 65 170839 J 003.', '12 characters, printed on the social insurance card, e.g. 65 170839 J 003.') },
          { id: 'taxId', kind: 'taxId', required: false, allowLater: true, label: t('Steuer-Identifikationsnummer (freiwillig)', 'Tax identification number (optional)'), hint: t('11 Ziffern, steht z. B. auf Ihrer Lohnsteuerbescheinigung.', '11 digits, e.g. on your payroll tax certificate.') },
        ],
      },
      {
        id: 'vertretung',
        title: t('Vertretung', 'Representation'),
        questions: [
          yesno('guardian', t('Haben Sie eine rechtliche Betreuung oder eine bevollmächtigte Person?', 'Do you have a legal guardian or an authorised representative?'), {
            evidence: [{ code: 'BESTELLUNGSURKUNDE', title: t('Bestellungsurkunde oder Vollmacht', 'Certificate of appointment or power of attorney'), when: { q: 'guardian', eq: true } }],
          }),
          { id: 'guardianName', kind: 'text', when: { q: 'guardian', eq: true }, label: t('Name der Betreuerin/des Betreuers', 'Name of the guardian') },
          { id: 'guardianAddress', kind: 'textarea', when: { q: 'guardian', eq: true }, label: t('Anschrift der Betreuerin/des Betreuers', 'Address of the guardian') },
        ],
      },
    ],
  },
  {
    id: 'B',
    title: t('Staatsangehörigkeit und Aufenthalt', 'Nationality and residence'),
    pages: [
      {
        id: 'aufenthalt',
        when: NOT_GERMAN,
        title: t('Ihr Aufenthalt in Deutschland', 'Your residence in Germany'),
        questions: [
          {
            id: 'residenceTitle',
            kind: 'choice',
            label: t('Welches Aufenthaltsrecht haben Sie?', 'What right of residence do you have?'),
            options: opts(
              ['eu_freedom', 'Freizügigkeit (EU/EWR/Schweiz)', 'freedom of movement (EU/EEA/Switzerland)'],
              ['residence_permit', 'Aufenthaltserlaubnis', 'residence permit'],
              ['settlement_permit', 'Niederlassungserlaubnis oder Daueraufenthalt-EU', 'settlement permit or EU long-term residence'],
              ['fiction', 'Fiktionsbescheinigung', 'fictional certificate'],
              ['toleration', 'Duldung', 'toleration (Duldung)'],
              ['none', 'keines oder weiß ich nicht', 'none or I do not know'],
            ),
            evidence: [{ code: 'AUFENTHALTSTITEL', title: t('Aufenthaltstitel oder Nachweis des Aufenthaltsrechts', 'Residence title or proof of the right of residence'), when: { not: { q: 'residenceTitle', in: ['eu_freedom', 'none'] } } }],
          },
          { id: 'residenceUntil', kind: 'date', date: 'future', required: false, when: { q: 'residenceTitle', in: ['residence_permit', 'fiction', 'toleration'] }, label: t('Gültig bis', 'Valid until') },
          yesno('asylbLG', t('Bekommen Sie Leistungen nach dem Asylbewerberleistungsgesetz?', 'Do you receive benefits under the Asylum Seekers’ Benefits Act?')),
          { id: 'asylbLGUntil', kind: 'date', required: false, when: { q: 'asylbLG', eq: true }, label: t('Bis wann?', 'Until when?') },
          { id: 'azrNumber', kind: 'text', required: false, allowLater: true, max: 20, label: t('AZR-Nummer (falls bekannt)', 'AZR number (if known)') },
          yesno('sponsorship', t('Gibt es eine Verpflichtungserklärung für Sie?', 'Is there a formal obligation (Verpflichtungserklärung) for you?'), {
            evidence: [{ code: 'VERPFLICHTUNGSERKLAERUNG', title: t('Verpflichtungserklärung', 'Formal obligation'), when: { q: 'sponsorship', eq: true } }],
          }),
        ],
      },
    ],
  },
  {
    id: 'C',
    title: t('Antragstellung', 'Application'),
    pages: [
      {
        id: 'beginn',
        title: t('Ab wann beantragen Sie {benefitName}?', 'From when do you apply for {benefitName}?'),
        questions: [
          { id: 'applyFrom', kind: 'choice', label: t('Leistungen ab', 'Benefits from'), options: opts(['now', 'ab sofort', 'from now'], ['later', 'ab einem späteren Datum', 'from a later date']) },
          { id: 'applyFromDate', kind: 'date', date: 'future', when: { q: 'applyFrom', eq: 'later' }, label: t('Ab welchem Datum?', 'From which date?') },
          { id: 'entryDate', kind: 'date', date: 'past', required: false, when: NOT_GERMAN, label: t('Wann sind Sie nach Deutschland eingereist?', 'When did you enter Germany?') },
        ],
      },
    ],
  },
  {
    id: 'D',
    title: t('Aktuelle Lebenssituation', 'Current situation'),
    pages: [
      {
        id: 'familienstand',
        title: t('Familienstand', 'Marital status'),
        questions: [
          {
            id: 'maritalStatus',
            kind: 'choice',
            label: t('Ihr Familienstand', 'Your marital status'),
            options: opts(['single', 'ledig', 'single'], ['married', 'verheiratet oder eingetragene Partnerschaft', 'married or civil partnership'], ['separated', 'getrennt lebend', 'separated'], ['divorced', 'geschieden oder Partnerschaft aufgehoben', 'divorced'], ['widowed', 'verwitwet', 'widowed']),
          },
          { id: 'separatedSince', kind: 'date', date: 'past', allowLater: true, when: { q: 'maritalStatus', eq: 'separated' }, label: t('Getrennt seit', 'Separated since') },
        ],
      },
      {
        id: 'situation',
        title: t('Arbeit, Familie, Schwangerschaft', 'Work, family, pregnancy'),
        questions: [
          yesno('ableToWork', t('Können Sie mindestens 3 Stunden täglich arbeiten?', 'Can you work at least 3 hours a day?'), { hint: t('Gemeint ist: gesundheitlich, unabhängig davon, ob Sie gerade Arbeit haben.', 'Meaning: in terms of health, whether or not you have a job.') }),
          yesno('singleParent', t('Sind Sie alleinerziehend?', 'Are you a single parent?')),
          yesno('pregnant', t('Sind Sie schwanger?', 'Are you pregnant?'), { evidence: [{ code: 'MUTTERPASS', title: t('Mutterpass oder ärztliche Bescheinigung über die Schwangerschaft', 'Maternity record or medical certificate of pregnancy'), when: { q: 'pregnant', eq: true } }] }),
          { id: 'dueDate', kind: 'date', date: 'future', allowLater: true, when: { q: 'pregnant', eq: true }, label: t('Voraussichtlicher Geburtstermin', 'Expected date of birth') },
        ],
      },
      {
        id: 'eltern',
        when: { applicantAge: { under: 25 } },
        title: t('Ihre Eltern', 'Your parents'),
        questions: [yesno('parentOutside', t('Lebt mindestens ein Elternteil nicht mit Ihnen zusammen?', 'Does at least one parent not live with you?'))],
      },
      {
        id: 'ausbildung',
        title: t('Schule, Studium, Ausbildung', 'School, studies, training'),
        questions: [
          { id: 'inEducation', kind: 'choice', label: t('Gehen Sie zur Schule, studieren Sie oder sind Sie in Ausbildung?', 'Are you at school, studying or in training?'), options: EDUCATION },
          yesno('schoolBookCosts', t('Haben Sie Kosten für Schulbücher?', 'Do you have costs for school books?'), { when: { q: 'inEducation', eq: 'school' } }),
          yesno('housedAway', t('Wohnen Sie wegen der Ausbildung auswärts?', 'Do you live away from home for your training?'), { when: { q: 'inEducation', in: ['student', 'trainee'] } }),
        ],
      },
      {
        id: 'leistungen',
        title: t('Andere Leistungen', 'Other benefits'),
        questions: [
          {
            id: 'otherBenefits',
            kind: 'multi',
            required: false,
            label: t('Haben Sie eine dieser Leistungen beantragt oder bekommen Sie sie?', 'Have you applied for or do you receive any of these benefits?'),
            options: opts(['bafoeg', 'BAföG', 'BAföG'], ['bab', 'Berufsausbildungsbeihilfe', 'vocational training allowance'], ['wohngeld', 'Wohngeld', 'housing benefit'], ['alg', 'Arbeitslosengeld', 'unemployment benefit'], ['pension', 'Rente', 'pension'], ['krankengeld', 'Krankengeld', 'sickness benefit'], ['kindergeld', 'Kindergeld', 'child benefit'], ['kinderzuschlag', 'Kinderzuschlag', 'child supplement']),
            evidence: [
              { code: 'ALG_BESCHEID', title: t('Bescheid über Arbeitslosengeld', 'Unemployment benefit notice'), when: { q: 'otherBenefits', has: 'alg' } },
              { code: 'RENTENBESCHEID', title: t('Rentenbescheid', 'Pension notice'), when: { q: 'otherBenefits', has: 'pension' } },
              { code: 'WOHNGELDBESCHEID', title: t('Wohngeldbescheid', 'Housing benefit notice'), when: { q: 'otherBenefits', has: 'wohngeld' } },
            ],
          },
        ],
      },
      {
        id: 'mehrbedarf',
        title: t('Gesundheit und besonderer Bedarf', 'Health and special needs'),
        intro: t('Diese Angaben sind Gesundheitsdaten. Wir brauchen sie nur, um einen Mehrbedarf zu prüfen.', 'This is health data. We only need it to check for additional needs.'),
        questions: [
          yesno('costlyDiet', t('Brauchen Sie aus medizinischen Gründen eine kostenaufwändige Ernährung?', 'Do you need a costly diet for medical reasons?')),
          yesno('disability', t('Haben Sie eine Behinderung?', 'Do you have a disability?')),
          yesno('disabilityParticipation', t('Bekommen Sie Leistungen zur Teilhabe (SGB IX)?', 'Do you receive participation benefits (SGB IX)?'), { when: { q: 'disability', eq: true } }),
          yesno('specialNeed', t('Haben Sie einen unabweisbaren, laufenden besonderen Bedarf?', 'Do you have an unavoidable, ongoing special need?')),
          yesno('institution', t('Leben Sie in einer stationären Einrichtung (z. B. Klinik, Heim)?', 'Do you live in a residential institution (e.g. hospital, home)?')),
        ],
      },
    ],
  },
  {
    id: 'E',
    title: t('Bisherige Lebenssituation', 'Previous situation'),
    pages: [
      {
        id: 'erwerb',
        title: t('Arbeit und Leistungen bisher', 'Work and benefits so far'),
        questions: [
          yesno('benefitsLast3Years', t('Haben Sie in den letzten 3 Jahren Bürgergeld oder Sozialhilfe bekommen?', 'Did you receive Bürgergeld or social assistance in the last 3 years?')),
          yesno('employedLast5', t('Waren Sie in den letzten 5 Jahren angestellt?', 'Were you employed in the last 5 years?')),
          yesno('outstandingWages', t('Schuldet Ihnen ein Arbeitgeber noch Lohn?', 'Does an employer still owe you wages?'), { when: { q: 'employedLast5', eq: true } }),
          yesno('selfEmployed', t('Sind oder waren Sie in den letzten 5 Jahren selbstständig?', 'Are you or were you self-employed in the last 5 years?')),
          yesno('wageReplacement', t('Haben Sie Lohnersatzleistungen bekommen (z. B. Kurzarbeitergeld)?', 'Did you receive wage replacement benefits (e.g. short-time allowance)?')),
        ],
      },
      {
        id: 'sonstiges',
        title: t('Weitere Angaben', 'Further details'),
        questions: [
          yesno('careOfRelatives', t('Pflegen Sie Angehörige?', 'Do you care for relatives?')),
          { id: 'livedOnHow', kind: 'textarea', required: false, label: t('Wovon haben Sie bisher gelebt? (freiwillig)', 'What did you live on so far? (optional)') },
          yesno('claimsAgainstThirdParties', t('Haben Sie Ansprüche gegen andere (z. B. Unterhalt, Erbschaft, Schadensersatz)?', 'Do you have claims against others (e.g. maintenance, inheritance, damages)?')),
          yesno('accident', t('Hatten Sie einen Unfall, den eine andere Person verursacht hat?', 'Did you have an accident caused by another person?')),
        ],
      },
    ],
  },
  {
    id: 'F',
    title: t('Kranken- und Pflegeversicherung', 'Health and care insurance'),
    pages: [
      {
        id: 'versicherung',
        title: t('Wie sind Sie krankenversichert?', 'How are you insured?'),
        questions: [
          { id: 'insurance', kind: 'choice', label: t('Versicherung', 'Insurance'), options: INSURANCE, evidence: [{ code: 'KV_BESCHEINIGUNG', title: t('Mitgliedsbescheinigung der Krankenkasse – {person}', 'Health insurance membership certificate – {person}'), when: { not: { q: 'insurance', eq: 'none' } } }] },
          { id: 'insurer', kind: 'text', allowLater: true, when: { not: { q: 'insurance', eq: 'none' } }, label: t('Name der Krankenkasse oder Versicherung', 'Name of the health insurer') },
        ],
      },
    ],
  },
  {
    id: 'G',
    title: t('Wohnsituation', 'Housing'),
    pages: [
      {
        id: 'haushalt',
        title: t('Wer wohnt mit Ihnen zusammen?', 'Who lives with you?'),
        questions: [
          yesno('livesAlone', t('Wohnen Sie allein?', 'Do you live alone?')),
          { id: 'members', kind: 'list', when: { q: 'livesAlone', eq: false }, label: t('Personen in Ihrem Haushalt', 'People in your household'), itemLabel: t('Person', 'Person'), maxItems: 15, item: MEMBER_QUESTIONS },
        ],
      },
      {
        id: 'wohnkosten',
        title: t('Wohnkosten', 'Housing costs'),
        questions: [yesno('housingCosts', t('Haben Sie Kosten für Unterkunft oder Heizung (Miete, Nebenkosten, Kredit)?', 'Do you have costs for housing or heating (rent, service charges, loan)?'))],
      },
    ],
  },
  {
    id: 'H',
    title: t('Anlagen', 'Annexes'),
    pages: [
      {
        id: 'uebersicht',
        title: t('Ihre Anlagen', 'Your annexes'),
        intro: t('Nach Ihren Angaben gehören diese Anlagen zu Ihrem Antrag. Wir fragen sie als Nächstes ab.', 'From your answers, these annexes belong to your application. We ask for them next.'),
        questions: [],
      },
    ],
  },
  {
    id: 'I',
    title: t('Erklärung', 'Declaration'),
    final: true,
    pages: [
      {
        id: 'erklaerung',
        title: t('Erklärung und Absenden', 'Declaration and sending'),
        questions: [
          yesno('truthful', t('Ich versichere, dass meine Angaben stimmen und vollständig sind. Änderungen teile ich sofort mit.', 'I confirm that my details are true and complete. I will report changes at once.'), { accept: true }),
          yesno('dataProtection', t('Ich habe die Hinweise zum Datenschutz gelesen.', 'I have read the data protection notice.'), { accept: true }),
        ],
      },
    ],
  },
];
