import { describe, expect, it } from 'vitest';
import { landingPath, safeReturnPath, signInPath } from './return-to';

describe('safeReturnPath', () => {
  it('keeps a path of the app with its query and fragment', () => {
    expect(safeReturnPath('/w/T0ACME/alerts/abc?tab=activity#note')).toBe('/w/T0ACME/alerts/abc?tab=activity#note');
  });

  it.each(['https://evil.example/w/T1', '//evil.example/w/T1', '/\\evil.example', '/\t/evil.example', 'w/T1', 'javascript:alert(1)', '', null, undefined, `/${'a'.repeat(2000)}`])(
    'refuses %j, which could leave the app',
    (value) => {
      expect(safeReturnPath(value)).toBeNull();
    },
  );

  it('normalises dot segments instead of trusting them', () => {
    expect(safeReturnPath('/w/T1/../../x')).toBe('/x');
  });
});

describe('landingPath', () => {
  it('lands on the kept page of the workspace signed in to', () => {
    expect(landingPath('T0ACME', '/w/T0ACME/alerts/abc')).toBe('/w/T0ACME/alerts/abc');
    expect(landingPath('T0ACME', '/w/T0ACME')).toBe('/w/T0ACME');
  });

  it("lands on the overview for another workspace's page, a look-alike id, or nothing kept", () => {
    expect(landingPath('T0ACME', '/w/T0GLBX/alerts/abc')).toBe('/w/T0ACME');
    expect(landingPath('T0ACME', '/w/T0ACMEX/alerts')).toBe('/w/T0ACME');
    expect(landingPath('T0ACME', '//evil.example')).toBe('/w/T0ACME');
    expect(landingPath('T0ACME', null)).toBe('/w/T0ACME');
  });
});

describe('signInPath', () => {
  it('carries the whole path in next', () => {
    expect(signInPath('/w/T0ACME/alerts/abc')).toBe('/sign-in?next=%2Fw%2FT0ACME%2Falerts%2Fabc');
    expect(signInPath('https://evil.example')).toBe('/sign-in');
  });
});
