/**
 * US Social Security number ranges that the SSA never issues: area 000, 666 and 900-999, group 00,
 * serial 0000. Input is the nine digits.
 */
export function ssnValid(nine: string): boolean {
  if (!/^\d{9}$/.test(nine)) return false;
  const area = Number(nine.slice(0, 3));
  const group = Number(nine.slice(3, 5));
  const serial = Number(nine.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  // Widely published numbers that were never valid for a person (advertising and example cards).
  if (nine === '078051120' || nine === '219099999' || nine === '123456789') return false;
  return true;
}
