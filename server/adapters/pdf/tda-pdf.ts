/** Renders the TdA PDF (Erklärung zur Antragstellung): the applicant's and the jobcenter's record of § 37 SGB II. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { TDA_DECLARATION_DE, TDA_DECLARATION_EN, type TdaData } from '../../../domain/tda.js';

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

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56.7; // 20 mm, the usual margin of German forms (DIN 5008)
const TOP = A4[1] - 48;
const BOTTOM = 64; // leaves room for the footer
const CONTENT_WIDTH = A4[0] - 2 * MARGIN_X;
const LABEL_WIDTH = 165;
const VALUE_X = MARGIN_X + LABEL_WIDTH + 12;
const VALUE_WIDTH = A4[0] - MARGIN_X - VALUE_X;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.33, 0.33, 0.33);
const RULE = rgb(0.62, 0.62, 0.62);

// The font bytes are read once per thread; each document still embeds its own subset.
const require = createRequire(import.meta.url);
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function loadFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fontBytes ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  fontBytes.catch(() => (fontBytes = undefined)); // a failed read may succeed on the next attempt
  return fontBytes;
}

// fontkit decodes a font's tables lazily and keeps them on its Font object, but pdf-lib asks for a new Font
// per document, so every render decoded GSUB/GPOS/glyf again (most of the render time). Handing pdf-lib the
// same Font for the same bytes keeps the decoded tables; each document still gets its own subset.
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const cachingFontkit: Fontkit = {
  create(buffer, postscriptName) {
    let font = parsedFonts.get(buffer);
    if (!font) parsedFonts.set(buffer, (font = fontkit.create(buffer, postscriptName)));
    return font;
  },
};

/** One line of text with its own font, size and colour. */
interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color: RGB;
}

/** Writes top to bottom and opens a new page instead of ever drawing below the footer. */
class Cursor {
  readonly pages: PDFPage[] = [];
  y = 0;
  constructor(private readonly doc: PDFDocument) {
    this.newPage();
  }
  get page(): PDFPage {
    return this.pages[this.pages.length - 1];
  }
  newPage(): void {
    this.pages.push(this.doc.addPage(A4));
    this.y = TOP;
  }
  ensure(height: number): void {
    if (this.y - height < BOTTOM && this.y < TOP) this.newPage();
  }
  /** Draws lines in a column; a line that does not fit moves to the next page. */
  column(lines: Line[], x = MARGIN_X): void {
    for (const line of lines) {
      const height = line.size * 1.3;
      this.ensure(height);
      this.y -= height;
      drawLine(this.page, line, x, this.y + line.size * 0.3);
    }
  }
  /** Draws a label column and a value column side by side, line by line so a break never splits a line. */
  row(left: Line[], right: Line[]): void {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i];
      const r = right[i];
      const height = Math.max(l?.size ?? 0, r?.size ?? 0) * 1.28;
      this.ensure(height);
      this.y -= height;
      for (const [line, x] of [
        [l, MARGIN_X],
        [r, VALUE_X],
      ] as const) {
        if (line) drawLine(this.page, line, x, this.y + height * 0.25);
      }
    }
    this.y -= 3;
  }
  rule(gap = 6): void {
    this.ensure(gap * 2);
    this.y -= gap;
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: A4[0] - MARGIN_X, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
    this.y -= gap;
  }
}

// fontkit picks one script and direction per string, so a Latin name with an Arabic part would come out
// unshaped and left-to-right. Splitting off right-to-left runs (letters plus the spaces, punctuation and marks
// between them) lets fontkit shape and reverse each run; the runs then follow each other left to right, which
// is the Unicode bidi result for a left-to-right form as long as no digits sit inside a right-to-left run.
const RTL = '\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Syriac}\\p{Script=Thaana}\\p{Script=Nko}';
const RTL_RUN = new RegExp(`([${RTL}](?:[\\s\\p{P}\\p{M}\\p{Cf}\\u0640]*[${RTL}])*\\p{M}*)`, 'u');

/** Width of a text as drawn by `drawLine`. */
function measure(text: string, font: PDFFont, size: number): number {
  let width = 0;
  for (const run of text.split(RTL_RUN)) if (run) width += font.widthOfTextAtSize(run, size);
  return width;
}

function drawLine(page: PDFPage, line: Line, x: number, y: number): void {
  for (const run of line.text.split(RTL_RUN)) {
    if (!run) continue;
    page.drawText(run, { x, y, font: line.font, size: line.size, color: line.color });
    x += line.font.widthOfTextAtSize(run, line.size);
  }
}

const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

/** Breaks text into lines no wider than `width`; words longer than a line are split between graphemes. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  // Widths add up word by word (pdf-lib draws without kerning), which keeps wrapping linear in the text length.
  const space = measure(' ', font, size);
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of clean(text).split(' ').filter(Boolean)) {
    const wordWidth = measure(word, font, size);
    const candidateWidth = current ? currentWidth + space + wordWidth : wordWidth;
    if (candidateWidth <= width) {
      current = current ? `${current} ${word}` : word;
      currentWidth = candidateWidth;
      continue;
    }
    if (current) lines.push(current);
    if (wordWidth <= width) {
      current = word;
      currentWidth = wordWidth;
      continue;
    }
    current = '';
    for (const { segment } of graphemes.segment(word)) {
      if (current && measure(current + segment, font, size) > width) {
        lines.push(current);
        current = '';
      }
      current += segment;
    }
    currentWidth = measure(current, font, size);
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

// The schema already forbids control characters; the renderer still must not let a stray line break split a
// drawn line (pdf-lib breaks at newlines) or draw glyph-less boxes.
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

const berlinFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** Date and time of receipt in German local time, e.g. "25.11.2026, 18:03:12 Uhr (MEZ)". */
export function formatBerlin(at: Date): { dateTime: string; date: string } {
  const parts = Object.fromEntries(berlinFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts.day}.${parts.month}.${parts.year}`;
  return {
    date,
    dateTime: `${date}, ${parts.hour}:${parts.minute}:${parts.second} Uhr (${parts.timeZoneName})`,
  };
}

const languageNames = new Intl.DisplayNames(['de'], { type: 'language' });

/** Six capital letters from a hash: the subset tag PDF readers expect before a subset font's name. */
function subsetTag(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  return Array.from(bytes.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** Renders the TdA PDF; the same input gives the same bytes (dates, ID and font names come from the input). */
export async function renderTdaPdf(input: TdaPdfInput): Promise<Uint8Array> {
  const received = new Date(input.receivedAt);
  if (Number.isNaN(received.getTime())) throw new Error(`Invalid receivedAt: ${input.receivedAt}`);
  const berlin = formatBerlin(received);
  const { data } = input;

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const bytes = await loadFonts();
  const seed = `${input.number}|${input.dataSha256}`;
  const regular = await doc.embedFont(bytes.regular, {
    subset: true,
    customName: `${subsetTag(`${seed}|r`)}+DejaVuSans`,
  });
  const bold = await doc.embedFont(bytes.bold, {
    subset: true,
    customName: `${subsetTag(`${seed}|b`)}+DejaVuSans-Bold`,
  });

  const title = 'Erklärung zur Antragstellung (Tag der Antragstellung)';
  doc.setTitle(`${title} ${input.number}`, { showInWindowTitleBar: true });
  doc.setSubject('Antrag auf Leistungen nach dem SGB II, § 37 SGB II');
  doc.setAuthor(input.responsibleJobcenter.name);
  doc.setCreator('jobcenter-widgets TdA-PDF');
  doc.setProducer('jobcenter-widgets with pdf-lib');
  doc.setKeywords([input.number, 'Tag der Antragstellung', 'SGB II']);
  doc.setCreationDate(received);
  doc.setModificationDate(received);
  doc.setLanguage('de-DE');
  // A fixed file identifier instead of none, derived from the input so re-rendering gives identical bytes.
  const id = PDFHexString.of(createHash('sha256').update(seed).digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

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

  const cur = new Cursor(doc);
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
  const total = cur.pages.length;
  cur.pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN_X, y: 50 },
      end: { x: A4[0] - MARGIN_X, y: 50 },
      thickness: 0.5,
      color: RULE,
    });
    const left = `${input.number} · Eingang ${berlin.date}`;
    const right = `Seite ${i + 1} von ${total}`;
    page.drawText(left, { x: MARGIN_X, y: 38, size: 8, font: regular, color: MUTED });
    const width = regular.widthOfTextAtSize(right, 8);
    page.drawText(right, { x: A4[0] - MARGIN_X - width, y: 38, size: 8, font: regular, color: MUTED });
  });

  // objectsPerTick: pdf-lib otherwise yields with setTimeout every 50 objects, which only adds latency here.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}
