/**
 * A small seeded extract of an occupation catalogue (codes shaped like the KldB 2010, 5 digits: the last digit
 * is the Anforderungsniveau 1–4). Enough for the OAP desired-occupation search; the real catalogue
 * (BERUFENET) would replace this list without changing the callers.
 */
import { foldSearch } from '../text.js';
import type { Option, Text } from './types.js';

/** One occupation of the catalogue. */
export interface Occupation {
  code: string;
  label: Text;
}

const o = (code: string, de: string, en: string): Occupation => ({ code, label: { de, en } });

/** The seeded catalogue extract, sorted by code. */
export const OCCUPATIONS: readonly Occupation[] = [
  o('11102', 'Landwirt/in', 'Farmer'),
  o('12101', 'Helfer/in Garten- und Landschaftsbau', 'Gardening and landscaping assistant'),
  o('12102', 'Gärtner/in', 'Gardener'),
  o('21112', 'Bergbautechnologe/-technologin', 'Mining technologist'),
  o('22102', 'Verfahrensmechaniker/in Kunststoff', 'Plastics process mechanic'),
  o('24202', 'Metallbauer/in', 'Metalworker'),
  o('24412', 'Schweißer/in', 'Welder'),
  o('25102', 'Industriemechaniker/in', 'Industrial mechanic'),
  o('25212', 'Kfz-Mechatroniker/in', 'Motor vehicle mechatronics technician'),
  o('26122', 'Mechatroniker/in', 'Mechatronics technician'),
  o('26252', 'Elektroniker/in', 'Electronics technician'),
  o('27104', 'Ingenieur/in Maschinenbau', 'Mechanical engineer'),
  o('28122', 'Textilreiniger/in', 'Textile cleaner'),
  o('29201', 'Helfer/in Lebensmittelherstellung', 'Food production assistant'),
  o('29202', 'Fachkraft Lebensmitteltechnik', 'Food technology specialist'),
  o('29212', 'Bäcker/in', 'Baker'),
  o('29222', 'Konditor/in', 'Pastry chef'),
  o('29232', 'Fleischer/in', 'Butcher'),
  o('29302', 'Koch/Köchin', 'Cook'),
  o('29301', 'Küchenhilfe', 'Kitchen assistant'),
  o('32101', 'Helfer/in Hochbau', 'Construction assistant'),
  o('32122', 'Maurer/in', 'Bricklayer'),
  o('33102', 'Fliesenleger/in', 'Tiler'),
  o('33302', 'Tischler/in', 'Carpenter (joiner)'),
  o('33212', 'Maler/in und Lackierer/in', 'Painter and varnisher'),
  o('34202', 'Anlagenmechaniker/in Sanitär, Heizung, Klima', 'Plumbing, heating and air-conditioning mechanic'),
  o('34212', 'Elektroniker/in Energie- und Gebäudetechnik', 'Electrician (buildings)'),
  o('34302', 'Schornsteinfeger/in', 'Chimney sweep'),
  o('43102', 'Fachinformatiker/in', 'IT specialist'),
  o('43104', 'Informatiker/in', 'Computer scientist'),
  o('43412', 'Softwareentwickler/in', 'Software developer'),
  o('43222', 'IT-Systemelektroniker/in', 'IT systems electronics technician'),
  o('51301', 'Helfer/in Lagerwirtschaft', 'Warehouse assistant'),
  o('51312', 'Fachkraft für Lagerlogistik', 'Warehouse logistics specialist'),
  o('51322', 'Fachlagerist/in', 'Warehouse clerk'),
  o('51342', 'Kurier- und Paketzusteller/in', 'Courier and parcel delivery driver'),
  o('51612', 'Kaufmann/-frau für Spedition und Logistik', 'Freight forwarding and logistics clerk'),
  o('52122', 'Berufskraftfahrer/in (Lkw)', 'Professional lorry driver'),
  o('52132', 'Busfahrer/in', 'Bus driver'),
  o('52182', 'Taxifahrer/in', 'Taxi driver'),
  o('52522', 'Staplerfahrer/in', 'Forklift driver'),
  o('53112', 'Fachkraft für Schutz und Sicherheit', 'Security specialist'),
  o('53111', 'Sicherheitsmitarbeiter/in', 'Security guard'),
  o('54101', 'Reinigungskraft', 'Cleaner'),
  o('54112', 'Gebäudereiniger/in', 'Building cleaner'),
  o('61122', 'Industriekaufmann/-frau', 'Industrial clerk'),
  o('61212', 'Kaufmann/-frau im Groß- und Außenhandel', 'Wholesale and foreign trade clerk'),
  o('62101', 'Verkaufshilfe', 'Sales assistant (unskilled)'),
  o('62102', 'Verkäufer/in', 'Sales assistant'),
  o('62112', 'Kaufmann/-frau im Einzelhandel', 'Retail clerk'),
  o('62182', 'Kassierer/in', 'Cashier'),
  o('62212', 'Verkäufer/in Lebensmittel', 'Food sales assistant'),
  o('63112', 'Kaufmann/-frau für Tourismus und Freizeit', 'Tourism clerk'),
  o('63221', 'Hotelfachmann/-frau', 'Hotel specialist'),
  o('63301', 'Servicekraft Gastronomie', 'Waiter/waitress (assistant)'),
  o('63302', 'Fachkraft im Gastgewerbe', 'Hospitality specialist'),
  o('71302', 'Kaufmann/-frau für Büromanagement', 'Office management clerk'),
  o('71402', 'Bürokraft', 'Office worker'),
  o('71412', 'Sekretär/in', 'Secretary'),
  o('72112', 'Bankkaufmann/-frau', 'Bank clerk'),
  o('72213', 'Buchhalter/in', 'Accountant'),
  o('73222', 'Verwaltungsfachangestellte/r', 'Administrative clerk'),
  o('73302', 'Medizinische/r Dokumentar/in', 'Medical documentation assistant'),
  o('78102', 'Callcenter-Agent/in', 'Call centre agent'),
  o('81102', 'Medizinische/r Fachangestellte/r', 'Medical assistant'),
  o('81302', 'Pflegefachmann/-frau', 'Nurse'),
  o('81301', 'Pflegehelfer/in', 'Nursing assistant'),
  o('81782', 'Physiotherapeut/in', 'Physiotherapist'),
  o('82102', 'Altenpfleger/in', 'Geriatric nurse'),
  o('82101', 'Altenpflegehelfer/in', 'Geriatric nursing assistant'),
  o('82232', 'Kosmetiker/in', 'Beautician'),
  o('82312', 'Friseur/in', 'Hairdresser'),
  o('83112', 'Erzieher/in', 'Educator (childcare)'),
  o('83111', 'Kinderpfleger/in', 'Childcare assistant'),
  o('83132', 'Sozialassistent/in', 'Social assistant'),
  o('83124', 'Sozialarbeiter/in', 'Social worker'),
  o('84114', 'Lehrer/in', 'Teacher'),
  o('91314', 'Dolmetscher/in und Übersetzer/in', 'Interpreter and translator'),
  o('92112', 'Kaufmann/-frau für Marketingkommunikation', 'Marketing communication clerk'),
  o('94112', 'Mediengestalter/in', 'Media designer'),
  o('25101', 'Produktionshelfer/in', 'Production assistant'),
  o('51521', 'Umzugshelfer/in', 'Removal assistant'),
].sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(OCCUPATIONS.map((x) => [x.code, x]));

/** The occupation of a code, or undefined for an unknown code. */
export const occupationByCode = (code: string): Occupation | undefined => byCode.get(code);

/** Search folding plus umlaut transcriptions, so "Bäcker", "baecker" and "backer" all find the baker. */
export function foldText(s: string): string {
  return foldSearch(s).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

const folded = OCCUPATIONS.map((x) => ({ x, hay: `${x.code} ${foldText(x.label.de)} ${foldText(x.label.en)}` }));

/**
 * Occupations matching every word of the query (in the German or English label or the code), best first:
 * label starting with the query, then alphabetical. An empty query gives nothing.
 */
export function searchOccupations(q: string, limit = 20): Occupation[] {
  const words = foldText(q).split(/[\s/,-]+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = folded.filter((f) => words.every((w) => f.hay.includes(w)));
  const first = foldText(q.trim());
  const rank = (f: (typeof folded)[number]) => (foldText(f.x.label.de).startsWith(first) || foldText(f.x.label.en).startsWith(first) ? 0 : 1);
  return hits
    .sort((a, b) => rank(a) - rank(b) || a.x.label.de.localeCompare(b.x.label.de, 'de'))
    .slice(0, limit)
    .map((f) => f.x);
}

/** The catalogue as choice options (value = code), for a `multi` question. */
export const OCCUPATION_OPTIONS: readonly Option[] = OCCUPATIONS.map((x) => ({ value: x.code, label: x.label }));
