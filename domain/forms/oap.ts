/**
 * The Online-Arbeitsmarktprofil (OAP): three eServices as declarative pages in the form vocabulary of
 * types.ts. The Lit elements render them, the server validates them with the same engine (oap-engine.ts),
 * and staff compare them field by field with the profile in VerBIS. Short sentences: many applicants have
 * little German.
 */
import { OCCUPATION_OPTIONS } from './occupations.js';
import { opts, t, yesno } from './texts.js';
import type { Page, Text } from './types.js';

/** The ids of the three eServices, in the order the applicant meets them. */
export const OAP_SERVICE_IDS = ['situation', 'cv', 'conditions'] as const;
/** One eService id. */
export type OapServiceId = (typeof OAP_SERVICE_IDS)[number];

/** One eService: a title and its pages. */
export interface OapService {
  id: OapServiceId;
  title: Text;
  pages: readonly Page[];
}

/** Current status options of "Aktuelle Situation". */
export const OAP_STATUS_OPTIONS = opts(
  ['employed', 'Ich arbeite (angestellt oder selbstständig)', 'I work (employed or self-employed)'],
  ['unemployed', 'Ich bin arbeitslos', 'I am unemployed'],
  ['training', 'Ich mache eine Ausbildung oder studiere', 'I am in vocational training or study'],
  ['school', 'Ich gehe zur Schule', 'I go to school'],
  ['parental_leave', 'Ich bin in Elternzeit', 'I am on parental leave'],
  ['care', 'Ich pflege einen Menschen', 'I care for a person'],
  ['ill', 'Ich bin krank (arbeitsunfähig)', 'I am ill (unable to work)'],
);

/** School-leaving qualifications. */
export const OAP_SCHOOL_OPTIONS = opts(
  ['none', 'Kein Schulabschluss', 'No school-leaving certificate'],
  ['hauptschule', 'Hauptschulabschluss (Berufsbildungsreife)', 'Lower secondary certificate'],
  ['realschule', 'Mittlerer Schulabschluss (Realschule)', 'Intermediate secondary certificate'],
  ['fachabitur', 'Fachhochschulreife', 'Entrance qualification for universities of applied sciences'],
  ['abitur', 'Abitur (Allgemeine Hochschulreife)', 'Higher education entrance qualification (Abitur)'],
  ['foreign', 'Schulabschluss aus dem Ausland', 'School-leaving certificate from abroad'],
);

/** Kinds of vocational degrees. */
export const OAP_DEGREE_OPTIONS = opts(
  ['apprenticeship', 'Berufsausbildung (Gesellen-/Facharbeiterbrief)', 'Vocational training (apprenticeship)'],
  ['school_based', 'Schulische Ausbildung', 'School-based vocational training'],
  ['master', 'Meister/in oder Techniker/in', 'Master craftsperson or technician'],
  ['bachelor', 'Bachelor', "Bachelor's degree"],
  ['university', 'Master, Diplom oder Staatsexamen', "Master's degree, diploma or state examination"],
  ['none_finished', 'Nicht abgeschlossen', 'Not completed'],
  ['other', 'Anderer Abschluss', 'Other degree'],
);

/** Recognition of a degree from abroad. */
export const OAP_RECOGNITION_OPTIONS = opts(
  ['yes', 'Ja, anerkannt', 'Yes, recognised'],
  ['partly', 'Teilweise anerkannt', 'Partly recognised'],
  ['pending', 'Antrag läuft', 'Application pending'],
  ['no', 'Nein, nicht anerkannt', 'No, not recognised'],
  ['unknown', 'Weiß ich nicht', "I don't know"],
);

/** Language levels: the CEFR levels A1–C2 and native speaker. */
export const OAP_LANGUAGE_LEVELS = opts(
  ['A1', 'A1 – Anfänger', 'A1 – beginner'],
  ['A2', 'A2 – Grundkenntnisse', 'A2 – elementary'],
  ['B1', 'B1 – mittel', 'B1 – intermediate'],
  ['B2', 'B2 – gut', 'B2 – upper intermediate'],
  ['C1', 'C1 – sehr gut', 'C1 – advanced'],
  ['C2', 'C2 – fast wie Muttersprache', 'C2 – proficient'],
  ['native', 'Muttersprache', 'Native language'],
);

/** Driving licence classes (Führerscheinklassen). */
export const OAP_DRIVING_LICENCES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'L', 'T'] as const;

/** Working time options. */
export const OAP_WORKING_TIME_OPTIONS = opts(
  ['full', 'Vollzeit', 'Full time'],
  ['part', 'Teilzeit', 'Part time'],
  ['either', 'Vollzeit oder Teilzeit', 'Full time or part time'],
);

const SITUATION: OapService = {
  id: 'situation',
  title: t('Aktuelle Situation', 'Current situation'),
  pages: [
    {
      id: 'status',
      title: t('Was machen Sie jetzt?', 'What do you do now?'),
      questions: [
        { id: 'status', kind: 'choice', label: t('Was trifft jetzt auf Sie zu?', 'What is true for you now?'), options: OAP_STATUS_OPTIONS },
        {
          id: 'unemployedSince',
          kind: 'date',
          date: 'past',
          when: { q: 'status', eq: 'unemployed' },
          label: t('Seit wann sind Sie arbeitslos?', 'Since when have you been unemployed?'),
        },
        yesno('noticeGiven', t('Haben Sie eine Kündigung bekommen?', 'Have you been given notice?'), {
          when: { q: 'status', eq: 'employed' },
          hint: t('Oder haben Sie selbst gekündigt? Dann auch „Ja“.', 'Or did you give notice yourself? Then also "Yes".'),
        }),
        {
          id: 'lastJobEnd',
          kind: 'date',
          date: 'any',
          required: false,
          label: t('Wann endet oder endete Ihre letzte Arbeit?', 'When does or did your last job end?'),
          hint: t('Wenn Sie noch nie gearbeitet haben: leer lassen.', 'If you have never worked: leave empty.'),
        },
      ],
    },
    {
      id: 'availability',
      title: t('Wann können Sie anfangen?', 'When can you start?'),
      questions: [
        { id: 'earliestStart', kind: 'date', date: 'any', label: t('Ab wann können Sie eine Arbeit anfangen?', 'From when can you start a job?') },
        yesno('registeredElsewhere', t('Sind Sie bei der Agentur für Arbeit schon arbeitsuchend gemeldet?', 'Are you already registered as looking for work at the employment agency?')),
      ],
    },
    {
      id: 'health',
      title: t('Gesundheit (freiwillig)', 'Health (optional)'),
      intro: t(
        'Diese Angaben sind freiwillig. Gesundheitsdaten sind besonders geschützt (Art. 9 DSGVO). Sie helfen uns, eine passende Arbeit zu finden.',
        'These answers are optional. Health data are specially protected (Art. 9 GDPR). They help us find suitable work.',
      ),
      questions: [
        yesno('hasHealthRestrictions', t('Gibt es gesundheitliche Einschränkungen für die Arbeit?', 'Do you have health restrictions for work?'), {
          required: false,
          hint: t('Freiwillige Angabe. Art. 9 DSGVO.', 'Optional. Art. 9 GDPR.'),
        }),
        {
          id: 'healthRestrictions',
          kind: 'textarea',
          max: 1000,
          required: false,
          when: { q: 'hasHealthRestrictions', eq: true },
          label: t('Welche Arbeit geht nicht oder nur eingeschränkt?', 'Which work is not possible or only in part?'),
          hint: t('Zum Beispiel: nicht schwer heben. Eine Diagnose brauchen wir nicht.', 'For example: no heavy lifting. We do not need a diagnosis.'),
        },
      ],
    },
    {
      id: 'care',
      title: t('Betreuung und Pflege', 'Childcare and care'),
      questions: [
        yesno('careDuties', t('Betreuen Sie Kinder oder pflegen Sie einen Menschen?', 'Do you look after children or care for a person?')),
        {
          id: 'careDetails',
          kind: 'textarea',
          max: 1000,
          when: { q: 'careDuties', eq: true },
          label: t('Wen betreuen oder pflegen Sie? Wie viele Stunden am Tag?', 'Whom do you look after or care for? How many hours a day?'),
        },
      ],
    },
  ],
};

const CV: OapService = {
  id: 'cv',
  title: t('Lebenslauf', 'CV'),
  pages: [
    {
      id: 'school',
      title: t('Schule', 'School'),
      questions: [
        { id: 'schoolLevel', kind: 'choice', label: t('Welchen Schulabschluss haben Sie?', 'Which school-leaving certificate do you have?'), options: OAP_SCHOOL_OPTIONS },
        { id: 'schoolYear', kind: 'number', min: 1940, max: 2100, required: false, label: t('In welchem Jahr haben Sie die Schule beendet?', 'In which year did you finish school?') },
        { id: 'schoolCountry', kind: 'text', max: 100, required: false, label: t('In welchem Land waren Sie zur Schule?', 'In which country did you go to school?') },
      ],
    },
    {
      id: 'training',
      title: t('Ausbildung und Studium', 'Vocational training and studies'),
      questions: [
        yesno('hasTraining', t('Haben Sie eine Ausbildung oder ein Studium gemacht?', 'Have you done vocational training or studies?')),
        {
          id: 'trainings',
          kind: 'list',
          maxItems: 10,
          when: { q: 'hasTraining', eq: true },
          label: t('Ihre Ausbildungen', 'Your training'),
          itemLabel: t('Ausbildung', 'Training'),
          item: [
            { id: 'occupation', kind: 'text', max: 120, label: t('Beruf oder Fach', 'Occupation or subject') },
            { id: 'degree', kind: 'choice', label: t('Abschluss', 'Degree'), options: OAP_DEGREE_OPTIONS },
            { id: 'year', kind: 'number', min: 1940, max: 2100, required: false, label: t('Jahr des Abschlusses', 'Year of the degree') },
            yesno('abroad', t('Haben Sie den Abschluss im Ausland gemacht?', 'Did you get the degree abroad?')),
            {
              id: 'recognised',
              kind: 'choice',
              when: { q: 'abroad', eq: true },
              label: t('Ist der Abschluss in Deutschland anerkannt?', 'Is the degree recognised in Germany?'),
              options: OAP_RECOGNITION_OPTIONS,
            },
          ],
        },
      ],
    },
    {
      id: 'work',
      title: t('Berufserfahrung', 'Work experience'),
      questions: [
        {
          id: 'workHistory',
          kind: 'list',
          maxItems: 20,
          required: false,
          label: t('Wo haben Sie gearbeitet?', 'Where have you worked?'),
          hint: t('Auch Minijobs und Arbeit im Ausland.', 'Also mini-jobs and work abroad.'),
          itemLabel: t('Arbeitsstelle', 'Job'),
          item: [
            { id: 'employer', kind: 'text', max: 120, label: t('Arbeitgeber', 'Employer') },
            { id: 'occupation', kind: 'text', max: 120, label: t('Tätigkeit oder Beruf', 'Job or occupation') },
            { id: 'from', kind: 'date', date: 'past', label: t('Von', 'From') },
            { id: 'to', kind: 'date', date: 'any', required: false, label: t('Bis (leer lassen, wenn Sie noch dort arbeiten)', 'Until (leave empty if you still work there)') },
            { id: 'tasks', kind: 'textarea', max: 1000, required: false, label: t('Was waren Ihre Aufgaben?', 'What were your tasks?') },
          ],
        },
        {
          id: 'gaps',
          kind: 'textarea',
          max: 1000,
          required: false,
          label: t('Gibt es Lücken im Lebenslauf? Was haben Sie in dieser Zeit gemacht?', 'Are there gaps in your CV? What did you do in that time?'),
          hint: t('Zum Beispiel: Kinder betreut, krank, umgezogen.', 'For example: looked after children, ill, moved.'),
        },
      ],
    },
    {
      id: 'languages',
      title: t('Sprachen', 'Languages'),
      questions: [
        {
          id: 'languages',
          kind: 'list',
          maxItems: 15,
          label: t('Welche Sprachen sprechen Sie?', 'Which languages do you speak?'),
          hint: t('Auch Ihre Muttersprache.', 'Also your native language.'),
          itemLabel: t('Sprache', 'Language'),
          item: [
            { id: 'language', kind: 'text', max: 60, label: t('Sprache', 'Language') },
            { id: 'level', kind: 'choice', label: t('Wie gut?', 'How well?'), options: OAP_LANGUAGE_LEVELS },
          ],
        },
      ],
    },
    {
      id: 'skills',
      title: t('Führerschein und Kenntnisse', 'Driving licence and skills'),
      questions: [
        {
          id: 'drivingLicences',
          kind: 'multi',
          required: false,
          label: t('Welche Führerscheine haben Sie?', 'Which driving licences do you have?'),
          options: OAP_DRIVING_LICENCES.map((c) => ({ value: c, label: t(`Klasse ${c}`, `Class ${c}`) })),
        },
        { id: 'itSkills', kind: 'textarea', max: 1000, required: false, label: t('Welche Computer-Kenntnisse haben Sie?', 'Which computer skills do you have?'), hint: t('Zum Beispiel: E-Mail, Word, Excel, Kasse.', 'For example: e-mail, Word, Excel, till system.') },
        {
          id: 'certificates',
          kind: 'list',
          maxItems: 20,
          required: false,
          label: t('Zeugnisse und Zertifikate', 'Certificates'),
          hint: t('Zum Beispiel: Staplerschein, Erste Hilfe, Sprachzertifikat.', 'For example: forklift licence, first aid, language certificate.'),
          itemLabel: t('Zertifikat', 'Certificate'),
          item: [
            { id: 'title', kind: 'text', max: 120, label: t('Name des Zertifikats', 'Name of the certificate') },
            { id: 'year', kind: 'number', min: 1940, max: 2100, required: false, label: t('Jahr', 'Year') },
          ],
          itemEvidence: [{ code: 'OAP_CERT', title: t('Nachweis: {label}', 'Evidence: {label}') }],
        },
      ],
    },
  ],
};

const CONDITIONS: OapService = {
  id: 'conditions',
  title: t('Rahmenbedingungen', 'Framework conditions'),
  pages: [
    {
      id: 'occupations',
      title: t('Welche Arbeit suchen Sie?', 'Which work are you looking for?'),
      questions: [
        {
          id: 'desiredOccupations',
          kind: 'multi',
          label: t('Gewünschte Berufe', 'Desired occupations'),
          hint: t('Suchen Sie nach einem Beruf. Sie können mehrere wählen.', 'Search for an occupation. You can choose more than one.'),
          options: OCCUPATION_OPTIONS,
        },
      ],
    },
    {
      id: 'time',
      title: t('Arbeitszeit', 'Working time'),
      questions: [
        { id: 'workingTime', kind: 'choice', label: t('Wie viel möchten Sie arbeiten?', 'How much do you want to work?'), options: OAP_WORKING_TIME_OPTIONS },
        {
          id: 'hoursPerWeek',
          kind: 'number',
          min: 1,
          max: 48,
          when: { q: 'workingTime', in: ['part', 'either'] },
          label: t('Wie viele Stunden pro Woche?', 'How many hours a week?'),
        },
        yesno('shiftWork', t('Können Sie im Schichtdienst arbeiten?', 'Can you work in shifts?')),
        yesno('nightWork', t('Können Sie nachts arbeiten?', 'Can you work at night?')),
        yesno('weekendWork', t('Können Sie am Wochenende arbeiten?', 'Can you work at weekends?')),
      ],
    },
    {
      id: 'commute',
      title: t('Arbeitsweg und Umzug', 'Commute and moving'),
      questions: [
        { id: 'commuteMaxMinutes', kind: 'number', min: 0, max: 240, label: t('Wie lange darf der Weg zur Arbeit höchstens dauern? (Minuten, eine Richtung)', 'How long may the way to work take at most? (minutes, one way)') },
        yesno('ownCar', t('Haben Sie ein eigenes Auto?', 'Do you have your own car?')),
        yesno('publicTransport', t('Können Sie Bus und Bahn nutzen?', 'Can you use buses and trains?')),
        yesno('relocation', t('Würden Sie für eine Arbeit umziehen?', 'Would you move for a job?')),
      ],
    },
    {
      id: 'constraints',
      title: t('Betreuung und Gehalt', 'Care and salary'),
      questions: [
        yesno('careConstraints', t('Müssen Sie wegen Kinderbetreuung oder Pflege auf Zeiten achten?', 'Do childcare or care limit your working hours?')),
        {
          id: 'careConstraintsDetails',
          kind: 'textarea',
          max: 1000,
          when: { q: 'careConstraints', eq: true },
          label: t('Zu welchen Zeiten können Sie arbeiten?', 'At which times can you work?'),
        },
        {
          id: 'salaryExpectation',
          kind: 'money',
          max: 100_000,
          required: false,
          label: t('Welchen Lohn erwarten Sie? (brutto im Monat, freiwillig)', 'Which wage do you expect? (gross per month, optional)'),
        },
      ],
    },
  ],
};

/** The three OAP eServices by id. */
export const OAP_SERVICES: Readonly<Record<OapServiceId, OapService>> = { situation: SITUATION, cv: CV, conditions: CONDITIONS };

/** Question ids that hold Art. 9 DSGVO data: never in logs, titles, audit rows or mails. */
export const OAP_SENSITIVE_FIELDS: readonly string[] = ['situation.healthRestrictions', 'situation.hasHealthRestrictions'];

/** True for a valid eService id. */
export const isOapServiceId = (v: unknown): v is OapServiceId => typeof v === 'string' && (OAP_SERVICE_IDS as readonly string[]).includes(v);
