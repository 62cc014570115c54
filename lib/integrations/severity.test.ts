import { describe, expect, it } from 'vitest';
import { readSeverity } from './severity';

describe('readSeverity', () => {
  it("keeps Klaxon's words, reads common ones by the default map, and says when it could not", () => {
    expect(readSeverity('Critical')).toEqual({ severity: 'critical' });
    expect(readSeverity('page')).toEqual({ severity: 'critical' });
    expect(readSeverity('HIGH')).toEqual({ severity: 'error' });
    expect(readSeverity('P4')).toEqual({ severity: 'info' });
    expect(readSeverity('sev-9')).toEqual({ severity: 'warning', note: 'sev-9 (not a Klaxon severity: shown as warning)' });
    expect(readSeverity(undefined)).toEqual({ severity: 'warning', note: 'none sent: shown as warning' });
  });

  it("uses an integration's own map instead of the default, and never a prototype key", () => {
    expect(readSeverity('page', { page: 'info' })).toEqual({ severity: 'info' });
    expect(readSeverity('constructor').severity).toBe('warning');
  });
});
