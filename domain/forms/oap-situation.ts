/** OAP eService "Aktuelle Situation" (status, availability, voluntary health data, care duties). */
import { opts, t, yesno, type OapService } from './oap-base.js';

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

/** "Aktuelle Situation". */
export const OAP_SITUATION: OapService = {
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
