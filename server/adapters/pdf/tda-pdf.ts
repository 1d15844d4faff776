/** Renders the TdA PDF (Erklärung zur Antragstellung): the applicant's and the jobcenter's record of § 37 SGB II. */
import { TDA_DECLARATION_DE, TDA_DECLARATION_EN, type TdaData } from '../../../domain/tda.js';
import {
  A4,
  CONTENT_WIDTH,
  Cursor,
  INK,
  MARGIN_X,
  MUTED,
  createDocument,
  drawFooters,
  formatBerlin,
  savePdf,
  wrapText,
  type Line,
} from './pdf-kit.js';

export { formatBerlin, wrapText } from './pdf-kit.js';

/** Everything the TdA PDF shows; plain data so it can cross a worker_threads boundary. */
export interface TdaPdfInput {
  /** Application number, e.g. "TDA-2026-7K3M9Q". */
  number: string;
  /** ISO timestamp (UTC) = legal date of application. */
  receivedAt: string;
  /** The declared data. */
  data: TdaData;
  /** SHA-256 (hex) of the canonical JSON of `data`. */
  dataSha256: string;
  /** Jobcenter whose portal received the TdA. */
  portalJobcenter: { id: string; name: string };
  /** Jobcenter that is responsible for the applicant. */
  responsibleJobcenter: { id: string; name: string };
  /** E-mail address of the applicant's account. */
  accountEmail: string;
}

const LABEL_WIDTH = 165;
const VALUE_X = MARGIN_X + LABEL_WIDTH + 12;
const VALUE_WIDTH = A4[0] - MARGIN_X - VALUE_X;

const languageNames = new Intl.DisplayNames(['de'], { type: 'language' });

/** Renders the TdA PDF; the same input gives the same bytes (dates, ID and font names come from the input). */
export async function renderTdaPdf(input: TdaPdfInput): Promise<Uint8Array> {
  const received = new Date(input.receivedAt);
  if (Number.isNaN(received.getTime())) throw new Error(`Invalid receivedAt: ${input.receivedAt}`);
  const berlin = formatBerlin(received);
  const { data } = input;

  const title = 'Erklärung zur Antragstellung (Tag der Antragstellung)';
  const { doc, regular, bold } = await createDocument(`${input.number}|${input.dataSha256}`, {
    title: `${title} ${input.number}`,
    subject: 'Antrag auf Leistungen nach dem SGB II, § 37 SGB II',
    author: input.responsibleJobcenter.name,
    creator: 'jobcenter-widgets TdA-PDF',
    keywords: [input.number, 'Tag der Antragstellung', 'SGB II'],
    date: received,
  });

  const text = (s: string, size: number, font = regular, color = INK, width = CONTENT_WIDTH): Line[] =>
    wrapText(s, font, size, width).map((t) => ({ text: t, font, size, color }));
  const label = (de: string, en: string) => [
    ...text(de, 9.5, regular, INK, LABEL_WIDTH),
    ...text(en, 7.5, regular, MUTED, LABEL_WIDTH),
  ];
  const value = (...values: string[]) => values.flatMap((v) => text(v, 10.5, regular, INK, VALUE_WIDTH));
  const heading = (de: string, en: string) => {
    cur.ensure(60); // keep a heading with the first row below it
    cur.y -= 6;
    cur.column([...text(de, 11.5, bold), ...text(en, 8, regular, MUTED)]);
    cur.rule(3);
  };

  const cur = new Cursor(doc, VALUE_X);
  cur.column(text(input.responsibleJobcenter.name, 11, bold));
  cur.column(text(`Jobcenter · Kennung ${input.responsibleJobcenter.id}`, 8.5, regular, MUTED));
  cur.y -= 10;
  cur.column(text(title, 15, bold));
  cur.column(text('Declaration of application (date of application), § 37 SGB II', 9, regular, MUTED));
  cur.rule(8);

  heading('Antrag', 'Application');
  cur.row(label('Antragsnummer', 'Application number'), value(input.number));
  cur.row(label('Eingang (Tag der Antragstellung)', 'Received (date of application)'), [
    ...value(berlin.dateTime),
    ...text(`${received.toISOString()} (UTC)`, 8.5, regular, MUTED, VALUE_WIDTH),
  ]);
  cur.row(
    label('Eingegangen über', 'Received via'),
    value(`${input.portalJobcenter.name} (${input.portalJobcenter.id})`),
  );
  cur.row(
    label('Zuständiges Jobcenter', 'Responsible jobcenter'),
    value(`${input.responsibleJobcenter.name} (${input.responsibleJobcenter.id})`),
  );

  heading('Erklärung', 'Declaration');
  const box = 9;
  cur.ensure(box + 6);
  cur.page.drawRectangle({
    x: MARGIN_X,
    y: cur.y - box - 3,
    width: box,
    height: box,
    borderColor: INK,
    borderWidth: 0.8,
  });
  cur.page.drawText('✓', { x: MARGIN_X + 1, y: cur.y - box - 1, size: 9, font: bold }); // ticked: the schema requires it
  const indent = MARGIN_X + box + 8;
  cur.column(text(TDA_DECLARATION_DE, 10, bold, INK, CONTENT_WIDTH - box - 8), indent);
  cur.column(text(TDA_DECLARATION_EN, 8.5, regular, MUTED, CONTENT_WIDTH - box - 8), indent);

  heading('Angaben zur Person', 'Personal data');
  cur.row(label('Vorname', 'First name'), value(data.firstName));
  cur.row(label('Nachname', 'Last name'), value(data.lastName));
  const [y, m, d] = data.birthDate.split('-');
  cur.row(label('Geburtsdatum', 'Date of birth'), value(`${d}.${m}.${y}`));
  const address = [
    `${data.street} ${data.houseNumber}`,
    data.addressSuffix,
    `${data.postalCode} ${data.city}`,
  ];
  cur.row(label('Anschrift', 'Address'), value(...address.filter((a): a is string => Boolean(a))));
  cur.row(label('Telefon', 'Phone'), value(data.phone ?? '–'));
  cur.row(label('E-Mail', 'E-mail'), value(data.email ?? input.accountEmail));
  if (data.email && data.email !== input.accountEmail) {
    cur.row(label('E-Mail des Benutzerkontos', 'E-mail of the account'), value(input.accountEmail));
  }
  const language = languageNames.of(data.contactLanguage) ?? data.contactLanguage;
  cur.row(label('Kontaktsprache', 'Contact language'), value(`${language} (${data.contactLanguage})`));

  heading('Prüfsumme', 'Checksum');
  // Full width: 64 hex digits do not fit the value column at a readable size, and must not be split.
  cur.column(label('SHA-256 der erklärten Daten', 'SHA-256 of the declared data'));
  cur.column(text(input.dataSha256, 9.5));
  cur.y -= 10;
  cur.column(
    text(
      'Dieses Dokument wurde bei Eingang maschinell erstellt. Maßgeblich für den Tag der Antragstellung ist der oben genannte Eingangszeitpunkt.',
      8.5,
      regular,
      MUTED,
    ),
  );
  cur.column(
    text(
      'Generated automatically on receipt. The date of application is the time of receipt stated above.',
      7.5,
      regular,
      MUTED,
    ),
  );

  // Footers last, when the page count is known.
  drawFooters(cur.pages, regular, `${input.number} · Eingang ${berlin.date}`);
  return savePdf(doc);
}
