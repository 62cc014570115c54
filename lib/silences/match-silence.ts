// Which silence, if any, holds back a new alert. Pure, so that intake, the release of held alerts when a
// silence ends and tests share one answer.
import { isPatternMatch } from '../alerts/match-routes';
import type { FieldMatcher } from '../schemas/silence';

/** SilenceLike is the part of a silence that matching reads; Prisma's Silence rows satisfy it. */
export interface SilenceLike {
  id: string;
  eventType: string | null;
  severities: readonly string[];
  source: string | null;
  fieldMatchers: unknown;
  startsAt: Date;
  endsAt: Date;
}

/** SilenceableAlert is the part of an alert a silence looks at. */
export interface SilenceableAlert {
  eventType: string;
  severity: string;
  source?: string | null;
  fields: Record<string, unknown>;
}

// Regexes are compiled once per distinct source; a silence's matchers are checked on every alert at intake.
const compiled = new Map<string, RegExp | null>();
function anchored(pattern: string): RegExp | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      regex = null;
    }
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex;
}

/** fieldText is a field's value as matchers compare it: a missing field is the empty string (as in Alertmanager). */
function fieldText(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  // Alert fields are strings, numbers or booleans (lib/schemas/alert.ts); anything else compares as empty.
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** isFieldMatch tells whether one field matcher holds for an alert's fields. */
export function isFieldMatch(matcher: FieldMatcher, fields: Record<string, unknown>): boolean {
  const text = fieldText(fields, matcher.name);
  switch (matcher.op) {
    case '=':
      return text === matcher.value;
    case '!=':
      return text !== matcher.value;
    case '=~':
      return anchored(matcher.value)?.test(text) ?? false;
  }
}

/** isSilenceActive tells whether a silence holds alerts at `now`: from its start, until (not at) its end. */
export function isSilenceActive(silence: Pick<SilenceLike, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return silence.startsAt.getTime() <= now.getTime() && now.getTime() < silence.endsAt.getTime();
}

/** isSilenceMatch tells whether every matcher of the silence holds for the alert (time aside). */
export function isSilenceMatch(silence: SilenceLike, alert: SilenceableAlert): boolean {
  if (silence.eventType !== null && !isPatternMatch(silence.eventType, alert.eventType)) return false;
  if (silence.severities.length > 0 && !silence.severities.includes(alert.severity)) return false;
  if (silence.source !== null && silence.source !== (alert.source ?? null)) return false;
  const matchers = Array.isArray(silence.fieldMatchers) ? (silence.fieldMatchers as FieldMatcher[]) : [];
  return matchers.every((matcher) => isFieldMatch(matcher, alert.fields));
}

/**
 * findSilence returns the active silence that holds the alert at `now` — of several, the one that ends last,
 * so the alert is released once, when nothing holds it any more — or null.
 */
export function findSilence<S extends SilenceLike>(alert: SilenceableAlert, silences: readonly S[], now: Date): S | null {
  let found: S | null = null;
  for (const silence of silences) {
    if (!isSilenceActive(silence, now) || !isSilenceMatch(silence, alert)) continue;
    if (!found || silence.endsAt > found.endsAt) found = silence;
  }
  return found;
}
