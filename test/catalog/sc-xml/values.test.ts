import { describe, expect, it } from 'vitest';
import { collapse, isAnyUri, isDateTimeFormat, isLanguage, matchesSchemeName, parseQName } from '../../../src/catalog/sc-xml/values.js';

describe('XSD simple types', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2024-13-01', false], ['2024-04-31', false], ['0000-01-01', false],
    ['12024-01-01', true], ['02024-01-01', false], ['-0044-03-15', true], ['2024-03-18Z', true], ['2024-03-18+01:00', true],
    ['2024-03-18+15:00', false], ['18-03-2024', false], ['2024-3-18', false], ['2024-03-18T10:00:00', true],
    ['2024-03-18T24:00:00', true], ['2024-03-18T24:00:01', false], ['2024-03-18T10:60:00', false], ['2024-03-18T10:00:00.123Z', true],
    ['2024-03-18T10:00', false], ['', false],
  ])('DateTimeFormat %s -> %s', (value, ok) => {
    expect(isDateTimeFormat(value)).toBe(ok);
  });

  it.each([['nl', true], ['nl-NL', true], ['fy', true], ['x-klingon', true], ['nl_NL', false], ['', false], ['nederlands', false]])(
    'language %s -> %s', (value, ok) => expect(isLanguage(value)).toBe(ok));

  it.each([
    ['https://www.aalsmeer.nl/a?b=c&d=e#f', true], ['', true], ['https://x/%20', true], ['https://x/%zz', false],
    ['https://x/{id}', true], ['https://x/a|b', true], ['https://x/é', true], ['urn:x', true], ['https://x:port/', false],
    ['http://x:/', false], ['https://x:80/', true], ['1a:b', false], ['a#b#c', false], ['https://x/?q=[1]', false], ['http://[::1]/', true],
  ])('anyURI %s -> %s', (value, ok) => expect(isAnyUri(value)).toBe(ok));

  it('collapses whitespace', () => {
    expect(collapse(' \t a \n\r b ')).toBe('a b');
  });

  it('parses QNames and the OWMS SchemeName pattern', () => {
    expect(parseQName('overheid:Gemeente')).toEqual({ prefix: 'overheid', local: 'Gemeente' });
    expect(parseQName('Gemeente')).toEqual({ prefix: '', local: 'Gemeente' });
    expect(parseQName('a:b:c')).toBeUndefined();
    expect(matchesSchemeName('overheid:Koninkrijksdeel')).toBe(true);
    expect(matchesSchemeName('ov:Gemeente')).toBe(true);
    expect(matchesSchemeName('OV:Gemeente')).toBe(false);
    expect(matchesSchemeName('overheid:gemeente')).toBe(false);
  });
});
