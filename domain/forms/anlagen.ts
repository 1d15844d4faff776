/** The Anlagen (annexes) of the Hauptantrag with their triggers, questions and evidence (domain.md §3). */
import { EDUCATION, INSURANCE, NATIONALITY, SV_INSURANCE, opts, t, yesno } from './texts.js';
import type { Anlage } from './types.js';

const AT_LEAST_15 = { ageFrom: 15 } as const;

/** All Anlagen in the order of the paper form. */
export const ANLAGEN: readonly Anlage[] = [
  {
    code: 'WEP',
    title: t('Anlage WEP – weitere Person ab 15 Jahren', 'Annex WEP – further person aged 15 or over'),
    scope: 'person',
    triggers: [
      { for: 'member', member: { relationships: ['partner'] } },
      { for: 'member', member: { relationships: ['child'], ageFrom: 15, ageUnder: 25 } },
      { for: 'member', member: { relationships: ['parent'], applicantAgeUnder: 25 } },
    ],
    evidence: [{ code: 'AUSWEIS', title: t('Personalausweis oder Reisepass – {person}', 'Identity card or passport – {person}') }],
    pages: [
      {
        id: 'person',
        title: t('Angaben zu {person}', 'Details of {person}'),
        questions: [
          { id: 'nationality', kind: 'choice', label: t('Staatsangehörigkeit', 'Nationality'), options: NATIONALITY },
          yesno('ableToWork', t('Kann diese Person mindestens 3 Stunden täglich arbeiten?', 'Can this person work at least 3 hours a day?')),
          {
            id: 'inEducation',
            kind: 'choice',
            label: t('Schule, Studium oder Ausbildung?', 'School, studies or training?'),
            options: EDUCATION,
            evidence: [{ code: 'SCHULBESCHEINIGUNG', title: t('Schulbescheinigung – {person}', 'School certificate – {person}'), when: { all: [{ q: 'inEducation', eq: 'school' }, { person: { ageFrom: 15 } }] } }],
          },
          yesno('selfEmployed', t('Ist diese Person selbstständig?', 'Is this person self-employed?')),
          { id: 'insurance', kind: 'choice', label: t('Krankenversicherung', 'Health insurance'), options: INSURANCE },
          yesno('costlyDiet', t('Braucht diese Person aus medizinischen Gründen eine kostenaufwändige Ernährung?', 'Does this person need a costly diet for medical reasons?')),
        ],
      },
    ],
  },
  {
    code: 'KI',
    title: t('Anlage KI – Kind unter 15 Jahren', 'Annex KI – child under 15'),
    scope: 'person',
    triggers: [{ for: 'member', member: { relationships: ['child'], ageUnder: 15 } }],
    evidence: [{ code: 'GEBURTSURKUNDE', title: t('Geburtsurkunde oder Ausweis – {person}', 'Birth certificate or ID – {person}') }],
    pages: [
      {
        id: 'kind',
        title: t('Angaben zu {person}', 'Details of {person}'),
        questions: [
          yesno('kindergeld', t('Bekommen Sie Kindergeld für dieses Kind?', 'Do you receive child benefit for this child?'), {
            evidence: [{ code: 'KINDERGELDBESCHEID', title: t('Kindergeldbescheid – {person}', 'Child benefit notice – {person}'), when: { q: 'kindergeld', eq: true } }],
          }),
          {
            id: 'maintenance',
            kind: 'choice',
            label: t('Bekommt das Kind Unterhalt?', 'Does the child receive maintenance?'),
            options: opts(['paid', 'ja, vom anderen Elternteil', 'yes, from the other parent'], ['advance', 'ja, Unterhaltsvorschuss', 'yes, maintenance advance'], ['none', 'nein', 'no'], ['na', 'trifft nicht zu (beide Eltern im Haushalt)', 'not applicable (both parents in the household)']),
            evidence: [{ code: 'UNTERHALTSNACHWEIS', title: t('Nachweis über Unterhalt oder Unterhaltsvorschuss – {person}', 'Proof of maintenance or maintenance advance – {person}'), when: { q: 'maintenance', in: ['paid', 'advance'] } }],
          },
          { id: 'care', kind: 'choice', label: t('Betreuung', 'Childcare'), options: opts(['none', 'zu Hause', 'at home'], ['kita', 'Kita oder Tagespflege', 'nursery or childminder'], ['school', 'Schule', 'school']) },
          yesno('costlyDiet', t('Braucht das Kind aus medizinischen Gründen eine kostenaufwändige Ernährung?', 'Does the child need a costly diet for medical reasons?')),
        ],
      },
    ],
  },
  {
    code: 'KDU',
    title: t('Anlage KDU – Kosten der Unterkunft und Heizung', 'Annex KDU – housing and heating costs'),
    scope: 'bg',
    triggers: [{ for: 'once', when: { q: 'housingCosts', eq: true } }],
    pages: [
      {
        id: 'art',
        title: t('Wie wohnen Sie?', 'How do you live?'),
        questions: [{ id: 'housingType', kind: 'choice', label: t('Wohnform', 'Type of housing'), options: opts(['rent', 'zur Miete oder Untermiete', 'rented or sublet'], ['own', 'im eigenen Haus oder in der Eigentumswohnung', 'in my own house or flat']) }],
      },
      {
        id: 'miete',
        when: { q: 'housingType', eq: 'rent' },
        title: t('Ihre Miete', 'Your rent'),
        questions: [
          { id: 'baseRent', kind: 'money', label: t('Grundmiete (€ im Monat)', 'Base rent (€ per month)'), evidence: [{ code: 'MIETVERTRAG', title: t('Mietvertrag', 'Tenancy agreement') }, { code: 'MIETERHOEHUNG', title: t('Letzte Mieterhöhung (falls vorhanden)', 'Last rent increase (if any)') }] },
          { id: 'serviceCosts', kind: 'money', label: t('Nebenkosten ohne Heizung (€ im Monat)', 'Service charges without heating (€ per month)') },
          { id: 'landlord', kind: 'text', label: t('Name der Vermieterin/des Vermieters', 'Name of the landlord') },
        ],
      },
      {
        id: 'eigentum',
        when: { q: 'housingType', eq: 'own' },
        title: t('Ihr Eigentum', 'Your property'),
        questions: [
          { id: 'loanInterest', kind: 'money', allowLater: true, label: t('Schuldzinsen (€ im Monat)', 'Loan interest (€ per month)'), evidence: [{ code: 'DARLEHEN', title: t('Darlehensvertrag und aktuelle Zinsbescheinigung', 'Loan agreement and current interest statement') }] },
          { id: 'propertyCosts', kind: 'money', label: t('Grundsteuer, Versicherungen und Nebenkosten (€ im Monat)', 'Property tax, insurance and running costs (€ per month)'), evidence: [{ code: 'GRUNDSTEUER', title: t('Grundsteuerbescheid', 'Property tax notice') }] },
          { id: 'livingSpace', kind: 'number', min: 1, max: 1000, label: t('Wohnfläche (m²)', 'Living space (m²)') },
        ],
      },
      {
        id: 'heizung',
        title: t('Heizung und Warmwasser', 'Heating and hot water'),
        questions: [
          { id: 'heatingCosts', kind: 'money', label: t('Heizkosten (€ im Monat)', 'Heating costs (€ per month)'), evidence: [{ code: 'HEIZKOSTEN', title: t('Letzte Heiz- und Nebenkostenabrechnung', 'Last heating and service charge bill') }] },
          { id: 'energySource', kind: 'choice', label: t('Womit heizen Sie?', 'What do you heat with?'), options: opts(['gas', 'Gas', 'gas'], ['oil', 'Öl', 'oil'], ['district', 'Fernwärme', 'district heating'], ['electricity', 'Strom', 'electricity'], ['wood', 'Holz oder Pellets', 'wood or pellets'], ['other', 'anders', 'other']) },
          { id: 'hotWater', kind: 'choice', label: t('Wie wird Ihr Warmwasser erzeugt?', 'How is your hot water produced?'), options: opts(['central', 'zentral mit der Heizung', 'centrally with the heating'], ['decentral', 'dezentral (z. B. Durchlauferhitzer, Boiler)', 'decentrally (e.g. instantaneous water heater, boiler)']) },
        ],
      },
    ],
  },
  {
    code: 'EK',
    title: t('Anlage EK – Einkommen', 'Annex EK – income'),
    scope: 'person',
    triggers: [
      { for: 'applicant' },
      { for: 'member', member: { relationships: ['partner'], ...AT_LEAST_15 } },
      { for: 'member', member: { relationships: ['child'], ageFrom: 15, ageUnder: 25 } },
      { for: 'member', member: { relationships: ['parent'], applicantAgeUnder: 25 } },
    ],
    pages: [
      {
        id: 'einkommen',
        title: t('Einkommen von {person}', 'Income of {person}'),
        questions: [
          {
            id: 'incomeTypes',
            kind: 'multi',
            label: t('Welches Einkommen gibt es?', 'Which income is there?'),
            hint: t('Wählen Sie „kein Einkommen“, wenn es keines gibt.', 'Choose "no income" if there is none.'),
            options: opts(['employment', 'Lohn oder Gehalt', 'wages or salary'], ['minijob', 'Minijob', 'mini-job'], ['alg', 'Arbeitslosengeld', 'unemployment benefit'], ['pension', 'Rente', 'pension'], ['maintenance', 'Unterhalt', 'maintenance'], ['kindergeld', 'Kindergeld', 'child benefit'], ['other', 'anderes', 'other'], ['none', 'kein Einkommen', 'no income']),
            evidence: [
              { code: 'LOHNABRECHNUNG', title: t('Lohnabrechnungen der letzten 3 Monate – {person}', 'Pay slips of the last 3 months – {person}'), when: { any: [{ q: 'incomeTypes', has: 'employment' }, { q: 'incomeTypes', has: 'minijob' }] } },
              { code: 'ALG_BESCHEID', title: t('Bescheid über Arbeitslosengeld – {person}', 'Unemployment benefit notice – {person}'), when: { q: 'incomeTypes', has: 'alg' } },
              { code: 'RENTENBESCHEID', title: t('Rentenbescheid – {person}', 'Pension notice – {person}'), when: { q: 'incomeTypes', has: 'pension' } },
              { code: 'UNTERHALTSNACHWEIS', title: t('Nachweis über Unterhalt – {person}', 'Proof of maintenance – {person}'), when: { q: 'incomeTypes', has: 'maintenance' } },
            ],
          },
          { id: 'employer', kind: 'text', when: { any: [{ q: 'incomeTypes', has: 'employment' }, { q: 'incomeTypes', has: 'minijob' }] }, label: t('Arbeitgeber', 'Employer') },
          { id: 'grossMonthly', kind: 'money', allowLater: true, when: { any: [{ q: 'incomeTypes', has: 'employment' }, { q: 'incomeTypes', has: 'minijob' }] }, label: t('Brutto im Monat (€)', 'Gross per month (€)') },
          { id: 'otherIncome', kind: 'money', allowLater: true, when: { any: [{ q: 'incomeTypes', has: 'alg' }, { q: 'incomeTypes', has: 'pension' }, { q: 'incomeTypes', has: 'maintenance' }, { q: 'incomeTypes', has: 'other' }] }, label: t('Andere Einnahmen im Monat zusammen (€)', 'Other income per month in total (€)') },
        ],
      },
    ],
  },
  {
    code: 'EKS',
    title: t('Anlage EKS – Einkommen aus Selbstständigkeit', 'Annex EKS – self-employed income'),
    scope: 'person',
    triggers: [
      { for: 'applicant', when: { q: 'selfEmployed', eq: true } },
      { for: 'member', memberAnlage: { codes: ['WEP'], cond: { q: 'selfEmployed', eq: true } } },
    ],
    evidence: [{ code: 'EKS_UNTERLAGEN', title: t('Einnahmen und Ausgaben der letzten 6 Monate (z. B. BWA) – {person}', 'Income and expenses of the last 6 months (e.g. business report) – {person}') }],
    pages: [
      {
        id: 'betrieb',
        title: t('Selbstständigkeit von {person}', 'Self-employment of {person}'),
        questions: [
          { id: 'business', kind: 'text', label: t('Art der Tätigkeit', 'Kind of business') },
          { id: 'since', kind: 'date', date: 'past', label: t('Selbstständig seit', 'Self-employed since') },
          { id: 'statement', kind: 'choice', label: t('Angaben', 'Statement'), options: opts(['provisional', 'vorläufig (Prognose für 6 Monate)', 'provisional (forecast for 6 months)'], ['final', 'abschließend', 'final']) },
          { id: 'expectedProfit', kind: 'money', allowLater: true, label: t('Erwarteter Gewinn im Monat (€)', 'Expected profit per month (€)') },
        ],
      },
    ],
  },
  {
    code: 'VM',
    title: t('Anlage VM – Vermögen', 'Annex VM – assets'),
    scope: 'bg',
    triggers: [{ for: 'once' }],
    pages: [
      {
        id: 'konten',
        title: t('Konten', 'Accounts'),
        intro: t('{assetRule}', '{assetRule}'),
        questions: [
          {
            id: 'accounts',
            kind: 'list',
            required: false,
            label: t('Alle Konten aller Personen im Haushalt', 'All accounts of all people in the household'),
            itemLabel: t('Konto', 'Account'),
            maxItems: 20,
            item: [
              { id: 'bank', kind: 'text', label: t('Bank', 'Bank') },
              { id: 'accountKind', kind: 'choice', label: t('Art', 'Type'), options: opts(['current', 'Girokonto', 'current account'], ['savings', 'Sparkonto oder Tagesgeld', 'savings account'], ['other', 'anderes', 'other']) },
              { id: 'balance', kind: 'money', allowLater: true, label: t('Kontostand heute (€)', 'Balance today (€)') },
            ],
            itemEvidence: [{ code: 'KONTOAUSZUEGE', title: t('Kontoauszüge der letzten 3 Monate – {label}', 'Bank statements of the last 3 months – {label}') }],
          },
        ],
      },
      {
        id: 'werte',
        title: t('Weitere Vermögenswerte', 'Further assets'),
        questions: [
          { id: 'cash', kind: 'money', label: t('Bargeld (€)', 'Cash (€)') },
          yesno('securities', t('Gibt es Wertpapiere, Aktien oder Fonds?', 'Are there securities, shares or funds?'), { evidence: [{ code: 'DEPOT', title: t('Depotauszug', 'Securities account statement'), when: { q: 'securities', eq: true } }] }),
          yesno('vehicles', t('Gibt es Autos oder Motorräder?', 'Are there cars or motorbikes?'), { evidence: [{ code: 'FAHRZEUGSCHEIN', title: t('Fahrzeugschein', 'Vehicle registration'), when: { q: 'vehicles', eq: true } }] }),
          yesno('realEstate', t('Gibt es Haus- oder Grundeigentum?', 'Is there real estate?')),
          yesno('lifeInsurance', t('Gibt es Lebens- oder Rentenversicherungen?', 'Are there life or pension insurance policies?'), { evidence: [{ code: 'RUECKKAUFSWERT', title: t('Aktueller Rückkaufswert der Versicherung', 'Current surrender value of the policy'), when: { q: 'lifeInsurance', eq: true } }] }),
        ],
      },
    ],
  },
  {
    code: 'HG',
    title: t('Anlage HG – Haushaltsgemeinschaft mit Verwandten', 'Annex HG – household with relatives'),
    scope: 'person',
    triggers: [
      { for: 'member', member: { relationships: ['relative'] } },
      { for: 'member', member: { relationships: ['child'], ageFrom: 25 } },
      { for: 'member', member: { relationships: ['parent'], applicantAgeFrom: 25 } },
    ],
    pages: [
      {
        id: 'haushalt',
        title: t('Zusammenleben mit {person}', 'Living with {person}'),
        questions: [
          yesno('sharesCosts', t('Teilen Sie sich die Wohnkosten?', 'Do you share the housing costs?')),
          { id: 'support', kind: 'choice', label: t('Unterstützt diese Person Sie?', 'Does this person support you?'), options: opts(['money', 'mit Geld', 'with money'], ['inKind', 'mit Sachleistungen (z. B. Essen)', 'in kind (e.g. food)'], ['none', 'nein', 'no']) },
        ],
      },
    ],
  },
  {
    code: 'VE',
    title: t('Anlage VE – Verantwortungs- und Einstehensgemeinschaft', 'Annex VE – partnership-like community'),
    scope: 'bg',
    triggers: [{ for: 'once', anyMember: { relationships: ['other'] } }],
    pages: [
      {
        id: 'gemeinschaft',
        title: t('Zusammenleben mit anderen Personen', 'Living with other persons'),
        intro: t('Wir prüfen, ob Sie mit einer Person wie in einer Partnerschaft füreinander einstehen. In einer Wohngemeinschaft ist das meist nicht so.', 'We check whether you and a person stand by each other like partners. In a flat share this is usually not the case.'),
        questions: [
          { id: 'livingTogetherSince', kind: 'date', date: 'past', label: t('Zusammen wohnend seit', 'Living together since') },
          yesno('jointAccount', t('Haben Sie ein gemeinsames Konto?', 'Do you have a joint account?')),
          yesno('careForEachOther', t('Versorgen Sie sich gegenseitig (z. B. Einkauf, Pflege)?', 'Do you look after each other (e.g. shopping, care)?')),
          yesno('childrenTogether', t('Haben Sie gemeinsame Kinder?', 'Do you have children together?')),
        ],
      },
    ],
  },
  {
    code: 'SV',
    title: t('Anlage SV – Zuschuss zu Kranken- und Pflegeversicherung', 'Annex SV – subsidy to health and care insurance'),
    scope: 'person',
    triggers: [
      { for: 'applicant', when: { q: 'insurance', in: SV_INSURANCE } },
      { for: 'member', memberAnlage: { codes: ['WEP'], cond: { q: 'insurance', in: SV_INSURANCE } } },
    ],
    evidence: [{ code: 'BEITRAGSBESCHEINIGUNG', title: t('Beitragsbescheinigung der Versicherung – {person}', 'Contribution certificate of the insurer – {person}') }],
    pages: [
      {
        id: 'beitrag',
        title: t('Versicherung von {person}', 'Insurance of {person}'),
        questions: [
          { id: 'insurer', kind: 'text', required: false, label: t('Versicherung (falls vorhanden)', 'Insurer (if any)') },
          { id: 'monthlyContribution', kind: 'money', allowLater: true, label: t('Monatlicher Beitrag (€)', 'Monthly contribution (€)') },
        ],
      },
    ],
  },
  {
    code: 'MEB',
    title: t('Anlage MEB – Mehrbedarf für kostenaufwändige Ernährung', 'Annex MEB – additional need for a costly diet'),
    scope: 'person',
    triggers: [
      { for: 'applicant', when: { q: 'costlyDiet', eq: true } },
      { for: 'member', memberAnlage: { codes: ['WEP', 'KI'], cond: { q: 'costlyDiet', eq: true } } },
    ],
    evidence: [{ code: 'AERZTLICHE_BESCHEINIGUNG', title: t('Ärztliche Bescheinigung über die Ernährung – {person}', 'Medical certificate on the diet – {person}') }],
    pages: [
      {
        id: 'ernaehrung',
        title: t('Ernährung von {person}', 'Diet of {person}'),
        intro: t('Gesundheitsdaten: Nur die zuständigen Fachkräfte sehen sie.', 'Health data: only the responsible staff see it.'),
        questions: [
          { id: 'illness', kind: 'text', label: t('Welche Erkrankung macht die Ernährung nötig?', 'Which illness makes the diet necessary?') },
          { id: 'doctor', kind: 'text', required: false, allowLater: true, label: t('Behandelnde Ärztin/behandelnder Arzt', 'Treating doctor') },
        ],
      },
    ],
  },
  {
    code: 'BB',
    title: t('Anlage BB – unabweisbarer besonderer Bedarf', 'Annex BB – unavoidable special need'),
    scope: 'person',
    triggers: [{ for: 'applicant', when: { q: 'specialNeed', eq: true } }],
    pages: [
      {
        id: 'bedarf',
        title: t('Ihr besonderer Bedarf', 'Your special need'),
        questions: [
          { id: 'need', kind: 'textarea', label: t('Welcher Bedarf besteht und warum?', 'Which need exists and why?') },
          { id: 'monthlyCost', kind: 'money', allowLater: true, label: t('Kosten im Monat (€)', 'Cost per month (€)') },
        ],
      },
    ],
  },
  {
    code: 'UF',
    title: t('Anlage UF – Unfall durch Dritte', 'Annex UF – accident caused by a third party'),
    scope: 'event',
    triggers: [{ for: 'once', when: { q: 'accident', eq: true } }],
    pages: [
      {
        id: 'unfall',
        title: t('Der Unfall', 'The accident'),
        questions: [
          { id: 'accidentDate', kind: 'date', date: 'past', label: t('Datum des Unfalls', 'Date of the accident') },
          { id: 'description', kind: 'textarea', label: t('Was ist passiert?', 'What happened?') },
          { id: 'thirdParty', kind: 'text', required: false, allowLater: true, label: t('Wer hat den Unfall verursacht?', 'Who caused the accident?') },
        ],
      },
    ],
  },
  {
    code: 'UH1',
    title: t('Anlage UH1 – Unterhalt vom getrennt lebenden oder geschiedenen Ehegatten', 'Annex UH1 – maintenance from a separated or divorced spouse'),
    scope: 'bg',
    triggers: [{ for: 'once', when: { q: 'maritalStatus', in: ['separated', 'divorced'] } }],
    evidence: [{ code: 'UNTERHALTSTITEL', title: t('Scheidungsurteil, Unterhaltstitel oder -vereinbarung', 'Divorce decree, maintenance order or agreement') }],
    pages: [
      {
        id: 'unterhalt',
        title: t('Unterhalt vom früheren Ehegatten', 'Maintenance from the former spouse'),
        questions: [
          { id: 'formerSpouse', kind: 'text', label: t('Name der früheren Ehegattin/des früheren Ehegatten', 'Name of the former spouse') },
          yesno('receivesMaintenance', t('Bekommen Sie Unterhalt?', 'Do you receive maintenance?')),
          { id: 'amount', kind: 'money', allowLater: true, when: { q: 'receivesMaintenance', eq: true }, label: t('Betrag im Monat (€)', 'Amount per month (€)') },
        ],
      },
    ],
  },
  {
    code: 'UH2',
    title: t('Anlage UH2 – Unterhalt wegen Schwangerschaft oder Kinderbetreuung', 'Annex UH2 – maintenance due to pregnancy or childcare'),
    scope: 'bg',
    triggers: [{ for: 'once', when: { q: 'pregnant', eq: true } }],
    pages: [
      {
        id: 'elternteil',
        title: t('Der andere Elternteil', 'The other parent'),
        questions: [
          yesno('otherParentKnown', t('Ist der andere Elternteil bekannt?', 'Is the other parent known?')),
          { id: 'otherParentName', kind: 'text', allowLater: true, when: { q: 'otherParentKnown', eq: true }, label: t('Name', 'Name') },
        ],
      },
    ],
  },
  {
    code: 'UH3',
    title: t('Anlage UH3 – Unterhalt von Eltern (unter 25 Jahren)', 'Annex UH3 – maintenance from parents (under 25)'),
    scope: 'bg',
    triggers: [{ for: 'once', when: { all: [{ applicantAge: { under: 25 } }, { q: 'parentOutside', eq: true }] } }],
    pages: [
      {
        id: 'eltern',
        title: t('Ihre Eltern außerhalb des Haushalts', 'Your parents outside the household'),
        questions: [
          { id: 'parentName', kind: 'text', label: t('Name eines Elternteils', 'Name of a parent') },
          { id: 'parentAddress', kind: 'textarea', allowLater: true, label: t('Anschrift', 'Address') },
          yesno('parentsSupport', t('Unterstützen Ihre Eltern Sie?', 'Do your parents support you?')),
        ],
      },
    ],
  },
];
