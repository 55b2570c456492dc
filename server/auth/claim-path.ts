/**
 * OIDC_ORG_CLAIM: a path into token claims, so a flat claim (`orgno`) and Ansattporten's nested
 * `authorization_details` both name the organisation number a person acts for.
 *
 * Syntax (docs/sign-in.md): segments separated by dots. A segment is a claim or property name,
 * optionally followed by `[n]` (element n of an array) or `[]` (the first element of an array for
 * which the rest of the path finds a value). A segment of digits alone is an array index too.
 *   `orgno`, `authorization_details[0].orgno`, `authorization_details.0.orgno`,
 *   `authorization_details[].authorized_parties[].orgno.ID`
 */
export type ClaimStep = { key: string } | { index: number } | { any: true };
export type ClaimPath = readonly ClaimStep[];

const NAME = /^[A-Za-z_$][\w$:-]*$/;
const SEGMENT = /^([^[\]]+)((?:\[\d*\])*)$/;

/** Parses a path; throws an Error saying what is wrong (config turns it into one line). */
export function parseClaimPath(source: string): ClaimPath {
  if (source.length === 0 || source.length > 200) throw new Error('must be 1-200 characters');
  const steps: ClaimStep[] = [];
  for (const segment of source.split('.')) {
    if (/^\d+$/.test(segment)) {
      steps.push({ index: Number(segment) });
      continue;
    }
    const m = SEGMENT.exec(segment);
    if (!m || !NAME.test(m[1]!)) throw new Error(`has an invalid segment ${JSON.stringify(segment)} (use names, [n], [] and dots)`);
    steps.push({ key: m[1]! });
    for (const bracket of m[2]!.match(/\[\d*\]/g) ?? []) {
      steps.push(bracket === '[]' ? { any: true } : { index: Number(bracket.slice(1, -1)) });
    }
  }
  return steps;
}

/** The string or number the path reaches in `value`, as a string; null when it reaches nothing. */
export function resolveClaimPath(value: unknown, path: ClaimPath): string | null {
  if (path.length === 0) {
    if (typeof value === 'string' && value.length > 0) return value;
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
  }
  const [step, ...rest] = path as [ClaimStep, ...ClaimStep[]];
  if ('any' in step) {
    if (!Array.isArray(value)) return null;
    for (const item of value) {
      const found = resolveClaimPath(item, rest);
      if (found !== null) return found;
    }
    return null;
  }
  if ('index' in step) return Array.isArray(value) && step.index < value.length ? resolveClaimPath(value[step.index], rest) : null;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, step.key)) return null;
  return resolveClaimPath((value as Record<string, unknown>)[step.key], rest);
}

/**
 * The organisation number a claim states: surrounding spaces and an ISO 6523 prefix such as
 * `0192:` (the Norwegian register's ICD) are dropped, so `0192:991825827` reads 991825827.
 */
export function claimedOrgNumber(claims: readonly unknown[], path: ClaimPath): string | null {
  for (const source of claims) {
    const raw = resolveClaimPath(source, path);
    if (raw !== null) return raw.trim().replace(/^\d{4}:/, '').replace(/\s+/g, '');
  }
  return null;
}
