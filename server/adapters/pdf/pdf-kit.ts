/**
 * What the server's PDFs (TdA, ADE) share: A4 geometry, the embedded DejaVu fonts, Unicode-safe drawing with
 * right-to-left runs, wrapping, a cursor that flows onto new pages, German local time, metadata and footers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/** A4 portrait in PDF points. */
export const A4: [number, number] = [595.28, 841.89];
/** Left and right margin: 20 mm, the usual margin of German forms (DIN 5008). */
export const MARGIN_X = 56.7;
/** Where the first line of a page starts. */
export const TOP = A4[1] - 48;
/** Nothing but the footer is drawn below this. */
export const BOTTOM = 64;
/** Width between the margins. */
export const CONTENT_WIDTH = A4[0] - 2 * MARGIN_X;
/** Text colour. */
export const INK = rgb(0, 0, 0);
/** Colour of secondary text (English glosses, notes). */
export const MUTED = rgb(0.33, 0.33, 0.33);
/** Colour of rules. */
export const RULE = rgb(0.62, 0.62, 0.62);

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
// Shaping (layout) is the rest of the time, and pdf-lib shapes every word when measuring and every line when
// drawing; labels and answers repeat from form to form. So the shared Font also keeps the glyph runs it laid
// out (pdf-lib only reads them), up to a bound per thread.
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;
const LAYOUT_CACHE_MAX = 10_000;
const parsedFonts = new WeakMap<Uint8Array, Font>();
const cachingFontkit: Fontkit = {
  create(buffer, postscriptName) {
    let font = parsedFonts.get(buffer);
    if (!font) parsedFonts.set(buffer, (font = withLayoutCache(fontkit.create(buffer, postscriptName))));
    return font;
  },
};

function withLayoutCache(font: Font): Font {
  const layout = font.layout.bind(font);
  const runs = new Map<string, ReturnType<Font['layout']>>();
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_MAX) runs.clear();
      runs.set(text, (run = layout(text)));
    }
    return run;
  };
  return font;
}

/** One line of text with its own font, size and colour. */
export interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color: RGB;
}

/** Writes top to bottom and opens a new page instead of ever drawing below the footer. */
export class Cursor {
  /** Pages in order; the last one is written on. */
  readonly pages: PDFPage[] = [];
  /** Baseline area still free above this y. */
  y = 0;
  /** `valueX`: where `row` starts its second column. */
  constructor(
    private readonly doc: PDFDocument,
    private readonly valueX: number,
  ) {
    this.newPage();
  }
  /** The page being written. */
  get page(): PDFPage {
    return this.pages[this.pages.length - 1];
  }
  /** Starts a new page at the top. */
  newPage(): void {
    this.pages.push(this.doc.addPage(A4));
    this.y = TOP;
  }
  /** Opens a new page unless `height` still fits (a fresh page is never left empty). */
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
        [r, this.valueX],
      ] as const) {
        if (line) drawLine(this.page, line, x, this.y + height * 0.25);
      }
    }
    this.y -= 3;
  }
  /** Draws a thin horizontal rule across the content width. */
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

/** Height `Cursor.column` uses for these lines. */
export function columnHeight(lines: Line[]): number {
  return lines.reduce((sum, line) => sum + line.size * 1.3, 0);
}

/** Height `Cursor.row` uses for these two columns. */
export function rowHeight(left: Line[], right: Line[]): number {
  let height = 3;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    height += Math.max(left[i]?.size ?? 0, right[i]?.size ?? 0) * 1.28;
  }
  return height;
}

// fontkit picks one script and direction per string, so a Latin name with an Arabic part would come out
// unshaped and left-to-right. Splitting off right-to-left runs (letters plus the spaces, punctuation and marks
// between them) lets fontkit shape and reverse each run; the runs then follow each other left to right, which
// is the Unicode bidi result for a left-to-right form as long as no digits sit inside a right-to-left run.
const RTL = '\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Syriac}\\p{Script=Thaana}\\p{Script=Nko}';
const RTL_RUN = new RegExp(`([${RTL}](?:[\\s\\p{P}\\p{M}\\p{Cf}\\u0640]*[${RTL}])*\\p{M}*)`, 'u');

/** Width of a text as drawn by `drawLine`. */
export function measure(text: string, font: PDFFont, size: number): number {
  let width = 0;
  for (const run of text.split(RTL_RUN)) if (run) width += font.widthOfTextAtSize(run, size);
  return width;
}

/** Draws one line at (x, y), each right-to-left run shaped on its own. */
export function drawLine(page: PDFPage, line: Line, x: number, y: number): void {
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

/** The text cut to one line of `width`, with "…" when something was cut. */
export function fitLine(text: string, font: PDFFont, size: number, width: number): string {
  const [first, ...rest] = wrapText(text, font, size, width);
  if (rest.length === 0) return first;
  const cut = [...graphemes.segment(first)].map((g) => g.segment);
  while (cut.length && measure(`${cut.join('')}…`, font, size) > width) cut.pop();
  return `${cut.join('').trimEnd()}…`;
}

// The schemas already forbid control characters; the renderer still must not let a stray line break split a
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

/** Date and time in German local time, e.g. "25.11.2026, 18:03:12 Uhr (MEZ)". */
export function formatBerlin(at: Date): { dateTime: string; date: string } {
  const parts = Object.fromEntries(berlinFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts.day}.${parts.month}.${parts.year}`;
  return {
    date,
    dateTime: `${date}, ${parts.hour}:${parts.minute}:${parts.second} Uhr (${parts.timeZoneName})`,
  };
}

/** Six capital letters from a hash: the subset tag PDF readers expect before a subset font's name. */
function subsetTag(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  return Array.from(bytes.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** Document information of a PDF; `date` is both creation and modification date. */
export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  creator: string;
  keywords: string[];
  date: Date;
}

/** A new document with subset DejaVu fonts and metadata; `seed` makes font tags and file ID reproducible. */
export async function createDocument(
  seed: string,
  meta: PdfMeta,
): Promise<{ doc: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const bytes = await loadFonts();
  const regular = await doc.embedFont(bytes.regular, {
    subset: true,
    customName: `${subsetTag(`${seed}|r`)}+DejaVuSans`,
  });
  const bold = await doc.embedFont(bytes.bold, {
    subset: true,
    customName: `${subsetTag(`${seed}|b`)}+DejaVuSans-Bold`,
  });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  doc.setCreator(meta.creator);
  doc.setProducer('jobcenter-widgets with pdf-lib');
  doc.setKeywords(meta.keywords);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage('de-DE');
  // A fixed file identifier instead of none, derived from the input so re-rendering gives identical bytes.
  const id = PDFHexString.of(createHash('sha256').update(seed).digest('hex').slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return { doc, regular, bold };
}

/** Draws a rule, `left` and "Seite X von Y" at the foot of every page; call once all pages exist. */
export function drawFooters(pages: PDFPage[], font: PDFFont, left: string): void {
  const total = pages.length;
  pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN_X, y: 50 },
      end: { x: A4[0] - MARGIN_X, y: 50 },
      thickness: 0.5,
      color: RULE,
    });
    const right = `Seite ${i + 1} von ${total}`;
    drawLine(page, { text: left, font, size: 8, color: MUTED }, MARGIN_X, 38);
    const width = font.widthOfTextAtSize(right, 8);
    page.drawText(right, { x: A4[0] - MARGIN_X - width, y: 38, size: 8, font, color: MUTED });
  });
}

/** Serialises the document. */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  // objectsPerTick: pdf-lib otherwise yields with setTimeout every 50 objects, which only adds latency here.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}
