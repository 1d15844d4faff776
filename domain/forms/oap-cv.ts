/** OAP eService "Lebenslauf" (school, training, work, languages, driving licences and skills). */
import { opts, t, yesno, type OapService } from './oap-base.js';

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

/** "Lebenslauf". */
export const OAP_CV: OapService = {
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

/** The certificate list of the CV and its evidence rule: one upload item per named certificate. */
export const OAP_CERT_LIST = OAP_CV.pages.flatMap((p) => p.questions).find((q) => q.itemEvidence?.length)!;
/** The certificates' evidence rule (code OAP_CERT, title with the certificate's name). */
export const OAP_CERT_RULE = OAP_CERT_LIST.itemEvidence![0];
/** Upload item id of a certificate, `OAP_CERT:cv:<list item id>` (the shape of per-item evidence ids in the main form). */
export const oapCertItemId = (certificateId: string): string => `${OAP_CERT_RULE.code}:cv:${certificateId}`;
