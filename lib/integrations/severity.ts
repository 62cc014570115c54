// A source's own severity words onto Klaxon's four. Sources that already speak critical/error/warning/info keep
// them; common words of other tools (Prometheus rule conventions, PagerDuty, Opsgenie, syslog) have a default
// meaning; anything else is shown as a warning, and the alert says what was sent.
import type { Severity } from '../generated/prisma/client';
import { SEVERITIES } from '../schemas/primitives';

/** SeverityMap maps a source's severity words (lower-case) to Klaxon severities. */
export type SeverityMap = Readonly<Record<string, Severity>>;

/** DEFAULT_SEVERITY_MAP is how words other tools commonly use are read unless an integration maps them itself. */
export const DEFAULT_SEVERITY_MAP: SeverityMap = {
  page: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  crit: 'critical',
  p1: 'critical',
  high: 'error',
  major: 'error',
  err: 'error',
  p2: 'error',
  medium: 'warning',
  minor: 'warning',
  warn: 'warning',
  p3: 'warning',
  low: 'info',
  notice: 'info',
  informational: 'info',
  debug: 'info',
  none: 'info',
  ok: 'info',
  p4: 'info',
  p5: 'info',
};

/** SeverityReading is the severity an alert gets, and a note for the alert when the source's word was not understood. */
export interface SeverityReading {
  severity: Severity;
  /** note says what was sent when it was not understood. */
  note?: string;
}

const isSeverity = (word: string): word is Severity => (SEVERITIES as readonly string[]).includes(word);

/** readSeverity reads a source's severity word: as-is when it is Klaxon's, else by the map, else `warning` (said). */
export function readSeverity(raw: unknown, map: SeverityMap = DEFAULT_SEVERITY_MAP): SeverityReading {
  const word = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  const lower = word.toLowerCase();
  if (isSeverity(lower)) return { severity: lower };
  const mapped = Object.hasOwn(map, lower) ? map[lower] : undefined;
  if (mapped) return { severity: mapped };
  return { severity: 'warning', note: word === '' ? 'none sent: shown as warning' : `${word} (not a Klaxon severity: shown as warning)` };
}
