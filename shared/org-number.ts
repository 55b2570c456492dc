/**
 * Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a modulus-11 check
 * digit over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2. A remainder of 1 makes no valid
 * number; a remainder of 0 gives check digit 0.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export function isOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const sum = WEIGHTS.reduce((n, w, i) => n + w * Number(value[i]), 0);
  const rest = sum % 11;
  if (rest === 1) return false;
  return (rest === 0 ? 0 : 11 - rest) === Number(value[8]);
}
