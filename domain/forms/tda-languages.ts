/** Contact languages offered in the TdA step, labelled in German and English (values: ISO 639-1). */
export const CONTACT_LANGUAGES_LABELS: [string, string, string][] = [
  ['de', 'Deutsch', 'German'],
  ['en', 'Englisch', 'English'],
  ['ar', 'Arabisch', 'Arabic'],
  ['tr', 'Türkisch', 'Turkish'],
  ['uk', 'Ukrainisch', 'Ukrainian'],
  ['ru', 'Russisch', 'Russian'],
  ['pl', 'Polnisch', 'Polish'],
  ['ro', 'Rumänisch', 'Romanian'],
  ['fa', 'Persisch (Farsi)', 'Persian (Farsi)'],
  ['fr', 'Französisch', 'French'],
];
