/**
 * IBAN validation: ISO 13616 country lengths and the ISO 7064 mod-97-10 check.
 * Input is the compact form (no spaces), uppercase letters and digits.
 */

/** Registered IBAN length per country code (SWIFT IBAN registry). */
const kIbanLength: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** Expected IBAN length for a country code, or undefined if the country issues no IBANs. */
export function ibanLength(country: string): number | undefined {
  return kIbanLength[country];
}

/** mod-97 of the rearranged IBAN (first four characters moved to the end, letters as 10..35). */
export function ibanMod97(compact: string): number {
  const s = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rem;
}

/** True when `compact` has a known country, that country's length, and a valid mod-97 check. */
export function ibanValid(compact: string): boolean {
  const len = kIbanLength[compact.slice(0, 2)];
  if (len === undefined || compact.length !== len) return false;
  const c2 = compact.charCodeAt(2);
  const c3 = compact.charCodeAt(3);
  if (c2 < 48 || c2 > 57 || c3 < 48 || c3 > 57) return false;
  return ibanMod97(compact) === 1;
}

/** Builds a valid IBAN from a country code and BBAN by computing the check digits (used by tests). */
export function ibanFromBban(country: string, bban: string): string {
  const rem = ibanMod97(country + '00' + bban);
  const check = String(98 - rem).padStart(2, '0');
  return country + check + bban;
}
