import { describe, expect, it } from 'vitest';
import { findSilence, isFieldMatch, isSilenceActive, isSilenceMatch, type SilenceLike } from './match-silence';

const at = (iso: string) => new Date(iso);
const silence = (over: Partial<SilenceLike> = {}): SilenceLike => ({
  id: 's1',
  eventType: null,
  severities: [],
  source: null,
  fieldMatchers: [],
  startsAt: at('2026-12-03T10:00:00Z'),
  endsAt: at('2026-12-03T11:00:00Z'),
  ...over,
});
const alert = { eventType: 'deploy.failed', severity: 'critical', source: 'ci', fields: { region: 'eu-west-1', attempt: 3, canary: false } };

describe('isSilenceMatch', () => {
  it('matches the event type as a pattern, severities as a set, the source exactly', () => {
    expect(isSilenceMatch(silence({ eventType: 'deploy.*' }), alert)).toBe(true);
    expect(isSilenceMatch(silence({ eventType: 'disk.*' }), alert)).toBe(false);
    expect(isSilenceMatch(silence({ severities: ['critical', 'error'] }), alert)).toBe(true);
    expect(isSilenceMatch(silence({ severities: ['info'] }), alert)).toBe(false);
    expect(isSilenceMatch(silence({ source: 'ci' }), alert)).toBe(true);
    expect(isSilenceMatch(silence({ source: 'c*' }), alert)).toBe(false);
    expect(isSilenceMatch(silence({ source: 'ci' }), { ...alert, source: null })).toBe(false);
  });

  it('needs every matcher to hold', () => {
    expect(isSilenceMatch(silence({ eventType: 'deploy.*', severities: ['info'] }), alert)).toBe(false);
    expect(isSilenceMatch(silence({ eventType: 'deploy.*', fieldMatchers: [{ name: 'region', op: '=', value: 'eu-west-1' }, { name: 'attempt', op: '=', value: '4' }] }), alert)).toBe(false);
  });
});

describe('isFieldMatch', () => {
  it('compares values as text; a missing field is empty; regexes are anchored', () => {
    expect(isFieldMatch({ name: 'attempt', op: '=', value: '3' }, alert.fields)).toBe(true);
    expect(isFieldMatch({ name: 'canary', op: '=', value: 'false' }, alert.fields)).toBe(true);
    expect(isFieldMatch({ name: 'region', op: '!=', value: 'us-east-1' }, alert.fields)).toBe(true);
    expect(isFieldMatch({ name: 'missing', op: '!=', value: 'x' }, alert.fields)).toBe(true);
    expect(isFieldMatch({ name: 'missing', op: '=', value: '' }, alert.fields)).toBe(true);
    expect(isFieldMatch({ name: 'region', op: '=~', value: 'eu-.*' }, alert.fields)).toBe(true);
    expect(isFieldMatch({ name: 'region', op: '=~', value: 'west' }, alert.fields)).toBe(false);
    expect(isFieldMatch({ name: 'region', op: '=~', value: 'eu|west-1' }, alert.fields)).toBe(false);
    expect(isFieldMatch({ name: 'region', op: '=~', value: '(' }, alert.fields)).toBe(false);
  });
});

describe('findSilence', () => {
  it('holds from the start until (not at) the end', () => {
    expect(isSilenceActive(silence(), at('2026-12-03T09:59:59Z'))).toBe(false);
    expect(isSilenceActive(silence(), at('2026-12-03T10:00:00Z'))).toBe(true);
    expect(isSilenceActive(silence(), at('2026-12-03T11:00:00Z'))).toBe(false);
  });

  it('picks the matching active silence that ends last', () => {
    const silences = [
      silence({ id: 'early', eventType: 'deploy.*', endsAt: at('2026-12-03T10:30:00Z') }),
      silence({ id: 'late', eventType: '*', endsAt: at('2026-12-03T12:00:00Z') }),
      silence({ id: 'other', eventType: 'disk.*', endsAt: at('2026-12-03T13:00:00Z') }),
      silence({ id: 'future', eventType: '*', startsAt: at('2026-12-03T10:20:00Z'), endsAt: at('2026-12-03T14:00:00Z') }),
    ];
    expect(findSilence(alert, silences, at('2026-12-03T10:10:00Z'))?.id).toBe('late');
    expect(findSilence(alert, silences, at('2026-12-03T10:25:00Z'))?.id).toBe('future');
    expect(findSilence(alert, silences, at('2026-12-03T15:00:00Z'))).toBeNull();
  });
});
