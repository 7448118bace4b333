import { describe, expect, it } from 'vitest';
import { normaliseForSearch, sortKey } from '../src/text';

describe('normaliseForSearch', () => {
  it('text: lower-cases and strips accents', () => {
    expect(normaliseForSearch('Amélie')).toBe('amelie');
    expect(normaliseForSearch('  LÉON   the  Professional ')).toBe('leon the professional');
  });

  it('text: expands ligatures NFD cannot decompose', () => {
    expect(normaliseForSearch('Œuvre Straße Ærø')).toBe('oeuvre strasse aero');
  });
});

describe('sortKey', () => {
  it('text: leading English articles and punctuation are ignored', () => {
    expect(sortKey('The Matrix')).toBe('matrix');
    expect(sortKey('...And Justice for All')).toBe('and justice for all');
    expect(sortKey('¡The Three Amigos!')).toBe('three amigos!');
    expect(sortKey('An Education')).toBe('education');
    expect(sortKey('The')).toBe('the');
  });

  it('text: numbers sort naturally', () => {
    const titles = ['Rocky 10', 'Rocky 2', 'Rocky'];
    expect([...titles].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(['Rocky', 'Rocky 2', 'Rocky 10']);
  });

  it('text: accents do not change the order', () => {
    expect(sortKey('Élite')).toBe(sortKey('elite'));
  });
});
