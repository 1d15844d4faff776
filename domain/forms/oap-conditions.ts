/** OAP eService "Rahmenbedingungen" (desired occupations, working time, commute, care, salary); the only one with the occupation catalogue. */
import { OCCUPATION_OPTIONS } from './occupations.js';
import { opts, t, yesno, type OapService } from './oap-base.js';

/** Working time options. */
export const OAP_WORKING_TIME_OPTIONS = opts(
  ['full', 'Vollzeit', 'Full time'],
  ['part', 'Teilzeit', 'Part time'],
  ['either', 'Vollzeit oder Teilzeit', 'Full time or part time'],
);

/** "Rahmenbedingungen". */
export const OAP_CONDITIONS: OapService = {
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
