/** Checksums of German identifiers: IBAN (ISO 13616 mod 97), Steuer-ID (ISO 7064 MOD 11,10), RV-Nummer. */

/** Removes spaces and upper-cases an IBAN as typed. */
export function normaliseIban(v: string): string {
  return v.replace(/\s+/g, '').toUpperCase();
}

/** True for a syntactically valid IBAN with a correct mod-97 checksum (German IBANs have 22 characters). */
export function isValidIban(raw: string): boolean {
  const iban = normaliseIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith('DE') && iban.length !== 22) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of n) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/**
 * True for a valid Steuer-Identifikationsnummer: 11 digits, no leading 0, in the first ten digits one digit
 * occurs twice or three times (and the rest once), check digit by ISO 7064 MOD 11,10.
 */
export function isValidTaxId(raw: string): boolean {
  const v = raw.replace(/\s+/g, '');
  if (!/^[1-9]\d{10}$/.test(v)) return false;
  const counts = new Map<string, number>();
  for (const d of v.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const multi = [...counts.values()].filter((n) => n > 1);
  if (multi.length !== 1 || multi[0] > 3) return false;
  let product = 10;
  for (const d of v.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(v[10]);
}

/**
 * True for a Rentenversicherungsnummer: 2 digits area, 6 digits birth date (DDMMYY), the initial of the
 * birth name, 2 digits serial, 1 check digit (the letter counts as its alphabet position, weights
 * 2,1,2,5,7,1,2,1,2,1,2,1, digit sums, mod 10).
 */
export function isValidRvnr(raw: string): boolean {
  const v = raw.replace(/\s+/g, '').toUpperCase();
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$/.exec(v);
  if (!m) return false;
  const day = Number(m[2]);
  const month = Number(m[3]);
  if (day < 1 || day > 31 + 50 || (day > 31 && day <= 50) || month < 1 || month > 12) return false;
  const letter = String(m[5].charCodeAt(0) - 64).padStart(2, '0');
  const digits = (m[1] + m[2] + m[3] + m[4] + letter + m[6]).split('').map(Number);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  const sum = digits.reduce((acc, d, i) => {
    const p = d * weights[i];
    return acc + Math.floor(p / 10) + (p % 10);
  }, 0);
  return sum % 10 === Number(m[7]);
}
