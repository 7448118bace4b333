import { describe, expect, it } from 'vitest';
import { searchZones, timeZoneList, zoneParts } from '$lib/settings/time-zones';

const zones = timeZoneList(Intl.supportedValuesOf('timeZone'));

describe('time-zone search', () => {
  it('lists UTC first, once', () => {
    expect(zones[0]).toBe('UTC');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
    expect(timeZoneList(['Europe/Paris'])).toEqual(['UTC', 'Europe/Paris']);
  });

  it('finds a zone by its city, case-insensitively', () => {
    expect(searchZones('paris', zones)[0]).toBe('Europe/Paris');
    expect(searchZones('PARIS', zones)[0]).toBe('Europe/Paris');
  });

  it('reads spaces as underscores and slashes', () => {
    expect(searchZones('new york', zones)[0]).toBe('America/New_York');
    expect(searchZones('New_York', zones)[0]).toBe('America/New_York');
    expect(searchZones('america/new', zones)).toContain('America/New_York');
  });

  it('finds every zone of a region', () => {
    const europe = searchZones('europe', zones, 500);
    expect(europe).toContain('Europe/Paris');
    expect(europe).toContain('Europe/Berlin');
    expect(europe.every((z) => z.startsWith('Europe/'))).toBe(true);
  });

  it('puts the exact name and city prefixes before mere substrings', () => {
    // "Lima" is a city; "Colima"-like names only contain it.
    expect(searchZones('lim', ['America/Noronha', 'Europe/Xlim', 'America/Lima'])).toEqual([
      'America/Lima',
      'Europe/Xlim',
    ]);
    expect(searchZones('utc', zones)[0]).toBe('UTC');
  });

  it('ignores accents and answers nothing for an unknown place', () => {
    expect(searchZones('são paulo', zones)[0]).toBe('America/Sao_Paulo');
    expect(searchZones('atlantis', zones)).toEqual([]);
  });

  it('caps the list and lists from the top for an empty query', () => {
    expect(searchZones('', zones, 5)).toEqual(zones.slice(0, 5));
    expect(searchZones('a', zones, 7)).toHaveLength(7);
  });

  it('splits a name into city and region', () => {
    expect(zoneParts('America/Argentina/Buenos_Aires')).toEqual({ city: 'Buenos Aires', region: 'America/Argentina' });
    expect(zoneParts('UTC')).toEqual({ city: 'UTC', region: '' });
  });
});
