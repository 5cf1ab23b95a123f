import { readFileSync } from 'node:fs';
import N3 from 'n3';
import { describe, expect, it } from 'vitest';
import { STELSEL } from '../../src/shared/rdf/vocab.js';

describe('Stelsel ontology', () => {
  it('declares every stelsel: term the code uses', () => {
    const quads = new N3.Parser().parse(readFileSync(new URL('../../ontologies/stelsel.ttl', import.meta.url), 'utf8'));
    const declared = new Set(quads.filter((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type').map((q) => q.subject.value));
    const used = Object.values(STELSEL as unknown as Record<string, { value: string }>).map((t) => t.value);
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((t) => !declared.has(t))).toEqual([]);
  });
});
