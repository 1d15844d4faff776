/**
 * Renders the ADE PDF: the submitted Hauptantrag (main application) with its Anlagen (annexes), read from the
 * one form definition through the form engine, so it prints exactly the pages and questions the applicant saw.
 */
import {
  evidenceFor,
  fill,
  holds,
  isLater,
  pagesFor,
  validatePage,
  valueOf,
  visibleQuestions,
  type Answers,
  type PageInstance,
} from '../../../domain/forms/engine.js';
import { HAUPTANTRAG } from '../../../domain/forms/hauptantrag.js';
import type { Question, QuestionKind } from '../../../domain/forms/types.js';
import { legalPlaceholders } from '../../../domain/legal.js';
import {
  A4,
  CONTENT_WIDTH,
  Cursor,
  INK,
  MARGIN_X,
  MUTED,
  RULE,
  TOP,
  columnHeight,
  createDocument,
  drawFooters,
  drawLine,
  fitLine,
  formatBerlin,
  rowHeight,
  savePdf,
  wrapText,
  type Line,
} from './pdf-kit.js';

/** Everything the ADE PDF shows; plain data so it can cross a worker_threads boundary. */
export interface ApplicationPdfInput {
  /** Application number, e.g. "ADE-2026-7K3M9Q". */
  number: string;
  /** Legal date of application, YYYY-MM-DD; ages, Anlagen and legal wording are computed on it. */
  applicationDate: string;
  /** ISO timestamp (UTC) of sending. */
  submittedAt: string;
  /** The submitted answers. */
  answers: Answers;
  /** SHA-256 (hex) of the canonical JSON of `answers`. */
  dataSha256: string;
  /** Jobcenter whose portal received the application. */
  portalJobcenter: { id: string; name: string };
  /** E-mail address of the applicant's account. */
  accountEmail: string;
}

/** The title of the paper form. */
export const APPLICATION_TITLE =
  'Antrag auf Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II (Hauptantrag)';

const LABEL_WIDTH = 215;
const VALUE_X = MARGIN_X + LABEL_WIDTH + 14;
const VALUE_WIDTH = A4[0] - MARGIN_X - VALUE_X;
// The page of section H that lists the Anlagen: it has no questions, the PDF prints the list instead.
const ANLAGEN_OVERVIEW = 'main/uebersicht';
const NONE = '—';

const money = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
// Free text keeps its line breaks (a textarea answer, an address); wrapText would turn them into spaces.
const paragraphs = (s: string) => {
  const list = s.split(/\r?\n/).filter((p) => p.trim());
  return list.length ? list : [''];
};
// Relative column widths of a list table by question kind (names and option labels need the room).
const COLUMN_WEIGHT: Partial<Record<QuestionKind, number>> = { date: 0.8, money: 0.9, choice: 1.5 };

/** One answer as the paper form would show it: "Ja", option labels, "1.234,50 €", "01.06.2015", grouped IBAN. */
export function formatAnswer(q: Question, v: unknown): string {
  if (isLater(v)) return 'reiche ich nach';
  if (isEmpty(v)) return NONE;
  const label = (x: unknown) => q.options?.find((o) => o.value === x)?.label.de ?? String(x);
  const s = String(v);
  switch (q.kind) {
    case 'yesno':
      return v === true ? 'Ja' : v === false ? 'Nein' : s;
    case 'choice':
      return label(v);
    case 'multi':
      return Array.isArray(v) ? v.map(label).join(', ') : s;
    case 'money':
      return typeof v === 'number' ? `${money.format(v)} €` : s;
    case 'number':
      return typeof v === 'number' ? decimal.format(v) : s;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? germanDate(s) : s;
    case 'iban':
      return s.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
    case 'rvnr': // as on the social insurance card: 65 170839 J 003
      return s.replace(/^(\d{2})(\d{6})([A-Za-z])(\d{3})$/, '$1 $2 $3 $4');
    case 'taxId':
      return s.replace(/^(\d{2})(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3 $4');
    case 'list':
      return Array.isArray(v) ? `${v.length} Einträge` : s;
    default:
      return s;
  }
}

/** A piece of the document that a page break never splits (unless it is taller than a page). */
interface Block {
  height: number;
  draw(): void;
  /** Stays on one page with the next block: headings, the label above a table. */
  keep?: boolean;
  /** Drawn first when this block opens a page: the header row of a table that continues. */
  header?: Block;
}

/** Lays blocks out top to bottom; a block (with the blocks it keeps with) that does not fit starts a new page. */
function flow(cur: Cursor, blocks: Block[]): void {
  blocks.forEach((block, i) => {
    let need = block.height;
    for (let j = i; blocks[j].keep && j + 1 < blocks.length; j++) need += blocks[j + 1].height;
    cur.ensure(need);
    if (block.header && cur.y === TOP) block.header.draw();
    block.draw();
  });
}

/** Renders the ADE PDF; the same input gives the same bytes (dates, ID and font names come from the input). */
export async function renderApplicationPdf(input: ApplicationPdfInput): Promise<Uint8Array> {
  const submitted = new Date(input.submittedAt);
  if (Number.isNaN(submitted.getTime())) throw new Error(`Invalid submittedAt: ${input.submittedAt}`);
  const date = input.applicationDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new Error(`Invalid applicationDate: ${date}`);
  }
  const { answers } = input;
  const berlin = formatBerlin(submitted);
  const vars = legalPlaceholders(date, 'de');
  const { benefitName } = vars;
  // Labels may use the legal placeholders, as the engine fills them for its to-dos.
  const labelOf = (q: Question) => fill(q.label, 'de', vars);
  const pages = pagesFor(answers, date);
  const anlagen = [...new Map(pages.filter((p) => p.anlage).map((p) => [p.group, p.groupTitle])).values()];
  const codes = [...new Set(pages.flatMap((p) => (p.anlage ? [p.anlage.code] : [])))];
  const applicant = [answers.main.firstName, answers.main.lastName]
    .filter((x) => typeof x === 'string' && x)
    .join(' ');

  const { doc, regular, bold } = await createDocument(`${input.number}|${input.dataSha256}`, {
    title: `${APPLICATION_TITLE} ${input.number}`,
    subject: `Antrag auf ${benefitName} nach dem SGB II – Hauptantrag mit Anlagen`,
    author: input.portalJobcenter.name,
    creator: 'jobcenter-widgets ADE-PDF',
    keywords: [input.number, benefitName, 'Hauptantrag', 'SGB II', ...codes.map((c) => `Anlage ${c}`)],
    date: submitted,
  });
  const cur = new Cursor(doc, VALUE_X);

  const text = (s: string, size: number, font = regular, color = INK, width = CONTENT_WIDTH): Line[] =>
    paragraphs(s).flatMap((para) =>
      wrapText(para, font, size, width).map((t) => ({ text: t, font, size, color })),
    );
  const block = (height: number, draw: () => void, keep = false): Block => ({ height, draw, keep });
  const row = (label: string, value: string, note?: string): Block => {
    const left = text(label, 9.5, regular, INK, LABEL_WIDTH);
    const right = [
      ...text(value, 10, regular, INK, VALUE_WIDTH),
      ...(note ? text(note, 8.5, regular, MUTED, VALUE_WIDTH) : []),
    ];
    return block(rowHeight(left, right) + 1, () => {
      cur.row(left, right);
      cur.y -= 1;
    });
  };
  const column = (lines: Line[], gapBefore = 0, gapAfter = 0, keep = false, x = MARGIN_X): Block =>
    block(
      gapBefore + columnHeight(lines) + gapAfter,
      () => {
        cur.y -= gapBefore;
        cur.column(lines, x);
        cur.y -= gapAfter;
      },
      keep,
    );
  const heading = (title: string): Block => {
    const lines = text(title, 13, bold);
    return block(
      12 + columnHeight(lines) + 8,
      () => {
        cur.y -= 12;
        cur.column(lines);
        cur.rule(4);
      },
      true,
    );
  };
  const subheading = (title: string) => column(text(title, 10.5, bold), 5, 3, true);
  const note = (s: string) => column(text(s, 9, regular, MUTED), 0, 4);
  /** A ticked (or empty) box with text beside it. */
  const checkbox = (lines: Line[], ticked: boolean): Block =>
    block(columnHeight(lines) + 4, () => {
      const box = 8;
      cur.page.drawRectangle({
        x: MARGIN_X,
        y: cur.y - box - 3,
        width: box,
        height: box,
        borderColor: INK,
        borderWidth: 0.7,
      });
      if (ticked) cur.page.drawText('✓', { x: MARGIN_X + 0.8, y: cur.y - box - 1.5, size: 8.5, font: bold });
      cur.column(lines, MARGIN_X + box + 8);
      cur.y -= 4;
    });

  /** A list answer (household members, accounts) as a small table: one row per item, one column per question. */
  const table = (q: Question, items: Array<Record<string, unknown>>, memberId?: string): Block[] => {
    const subs = q.item ?? [];
    const weight = (s: Question) => COLUMN_WEIGHT[s.kind] ?? 1.2;
    const total = subs.reduce((sum, s) => sum + weight(s), 0);
    const widths = [22, ...subs.map((s) => ((CONTENT_WIDTH - 22) * weight(s)) / total)];
    const xs = widths.map((_, i) => MARGIN_X + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const tableRow = (cells: Line[][], ruleAbove: boolean): Block => {
      const height = Math.max(...cells.map(columnHeight)) + 5;
      return block(height, () => {
        const top = cur.y;
        if (ruleAbove) {
          cur.page.drawLine({
            start: { x: MARGIN_X, y: top },
            end: { x: A4[0] - MARGIN_X, y: top },
            thickness: 0.4,
            color: RULE,
          });
        }
        cells.forEach((lines, i) => {
          let y = top - 2;
          for (const line of lines) {
            y -= line.size * 1.3;
            drawLine(cur.page, line, xs[i], y + line.size * 0.3);
          }
        });
        cur.y = top - height;
      });
    };
    const cell = (s: string, width: number, font = regular, size = 9, color = INK) =>
      text(s, size, font, color, width - 6);
    const header = tableRow(
      [cell('Nr.', widths[0], bold, 8), ...subs.map((s, i) => cell(labelOf(s), widths[i + 1], bold, 8))],
      false,
    );
    const rows = items.map((item, n) =>
      tableRow(
        [
          cell(`${n + 1}`, widths[0]),
          ...subs.map((s, i) =>
            // A hidden item question (its `when` fails for this item) leaves its cell empty, like a hidden question.
            cell(
              holds(s.when, { answers, date, lang: 'de' }, item, memberId) ? formatAnswer(s, item[s.id]) : '',
              widths[i + 1],
            ),
          ),
        ],
        true,
      ),
    );
    return [{ ...header, keep: true }, ...rows.map((r) => ({ ...r, header }))];
  };

  const question = (p: PageInstance, q: Question): Block[] => {
    const v = valueOf(answers, p, q);
    if (q.kind !== 'list' || !Array.isArray(v) || v.length === 0) {
      return [row(labelOf(q), q.kind === 'list' && Array.isArray(v) ? 'keine' : formatAnswer(q, v))];
    }
    return [
      column(text(labelOf(q), 9.5), 0, 2, true),
      ...table(q, v as Array<Record<string, unknown>>, p.anlage?.memberId),
    ];
  };

  const pageBlocks = (p: PageInstance): Block[] => {
    const out: Block[] = [subheading(p.title)];
    if (p.key === ANLAGEN_OVERVIEW) {
      out.push(
        ...(anlagen.length
          ? anlagen.map((t) => column(text(`• ${t}`, 10, regular, INK, CONTENT_WIDTH), 0, 2))
          : [note('Keine Anlagen.')]),
      );
    }
    for (const q of visibleQuestions(answers, p, date)) out.push(...question(p, q));
    return out;
  };

  const blocks: Block[] = [];
  // Title block, as on the first page of the paper form.
  blocks.push(column(text(input.portalJobcenter.name, 11, bold)));
  blocks.push(column(text(`Jobcenter · Kennung ${input.portalJobcenter.id}`, 8.5, regular, MUTED), 0, 10));
  blocks.push(column(text(APPLICATION_TITLE, 15, bold)));
  blocks.push(column(text(`Antrag auf ${benefitName}`, 11, regular, MUTED), 2));
  blocks.push(heading('Antrag'));
  blocks.push(row('Antragsnummer', input.number));
  blocks.push(row('Antragsteller/in', applicant || NONE));
  blocks.push(row('Tag der Antragstellung', germanDate(date)));
  blocks.push(row('Abgesendet am', berlin.dateTime, `${submitted.toISOString()} (UTC)`));
  blocks.push(row('Eingegangen über', `${input.portalJobcenter.name} (${input.portalJobcenter.id})`));
  blocks.push(row('E-Mail des Benutzerkontos', input.accountEmail));
  blocks.push(row('Anlagen', codes.length ? codes.join(', ') : 'keine'));

  // Sections A–H (a section without a shown page still appears), then each Anlage as pagesFor orders them.
  const sectionBlocks = (final: boolean) => {
    for (const s of HAUPTANTRAG.filter((x) => Boolean(x.final) === final)) {
      const shown = pages.filter((p) => !p.anlage && p.group === s.id);
      blocks.push(heading(`${s.id} – ${shown[0]?.groupTitle ?? s.title.de}`));
      if (shown.length === 0) blocks.push(note('Nach Ihren Angaben keine Fragen in diesem Abschnitt.'));
      for (const p of shown) blocks.push(...(final ? declarationBlocks(p) : pageBlocks(p)));
    }
  };
  const declarationBlocks = (p: PageInstance): Block[] => [
    subheading(p.title),
    ...visibleQuestions(answers, p, date).flatMap((q) => {
      if (!q.accept) return question(p, q);
      const confirmed = valueOf(answers, p, q) === true;
      const lines = [
        ...text(labelOf(q), 10, bold, INK, CONTENT_WIDTH - 16),
        ...text(
          confirmed ? `Bestätigt beim Absenden am ${berlin.dateTime}` : 'nicht bestätigt',
          8.5,
          regular,
          MUTED,
          CONTENT_WIDTH - 16,
        ),
      ];
      return [checkbox(lines, confirmed)];
    }),
  ];
  sectionBlocks(false);
  pages.forEach((p, i) => {
    if (!p.anlage) return;
    if (p.group !== pages[i - 1]?.group) blocks.push(heading(p.groupTitle));
    blocks.push(...pageBlocks(p));
  });

  blocks.push(heading('Nachweise'));
  const evidence = evidenceFor(answers, date);
  if (evidence.length === 0) blocks.push(note('Nach Ihren Angaben sind keine Nachweise nötig.'));
  else {
    blocks.push(
      note('Bitte reichen Sie diese Unterlagen ein, soweit Sie sie nicht schon hochgeladen haben.'),
    );
    for (const e of evidence)
      blocks.push(checkbox(text(e.title, 10, regular, INK, CONTENT_WIDTH - 16), false));
  }

  blocks.push(heading('Offene Angaben'));
  const todos = pages.flatMap((p) => {
    const lists = visibleQuestions(answers, p, date).filter((q) => q.kind === 'list');
    return validatePage(answers, p, date).todos.map((t) => {
      const m = /(?:^|\.)([^.]+)\.(\d+)\.[^.]+$/.exec(t.path);
      const list = m ? lists.find((q) => q.id === m[1]) : undefined;
      const item = list && m ? ` (${list.itemLabel?.de ?? 'Eintrag'} ${Number(m[2]) + 1})` : '';
      return row(
        p.anlage ? p.groupTitle : `${p.group} – ${p.groupTitle}`,
        `${t.label}${item}`,
        'reiche ich nach',
      );
    });
  });
  if (todos.length === 0) blocks.push(note('Keine – alle Angaben sind gemacht.'));
  else blocks.push(note('Diese Angaben haben Sie mit „reiche ich nach“ beantwortet.'), ...todos);

  sectionBlocks(true);

  blocks.push(heading('Prüfsumme'));
  blocks.push(column(text('SHA-256 der übermittelten Antragsdaten', 9.5), 0, 0, true));
  blocks.push(column(text(input.dataSha256, 9.5), 0, 10));
  blocks.push(
    note(
      'Dieses Dokument wurde beim Absenden maschinell aus den übermittelten Angaben erstellt; die Prüfsumme verbindet es mit den gespeicherten Daten.',
    ),
  );

  flow(cur, blocks);

  // Footers last, when the page count is known.
  const left = fitLine(
    `${input.number} · ${applicant || 'Hauptantrag'} · Antrag vom ${germanDate(date)}`,
    regular,
    8,
    CONTENT_WIDTH - 80,
  );
  drawFooters(cur.pages, regular, left);
  return savePdf(doc);
}
