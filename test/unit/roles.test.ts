import { readFileSync } from 'node:fs';
import N3 from 'n3';
import { describe, expect, it } from 'vitest';
import { ROLES, roleIri } from '../../src/shared/auth/roles.js';

describe('role vocabulary', () => {
  it('publishes exactly the roles the code grants, each with a Dutch label', () => {
    const quads = new N3.Parser().parse(readFileSync(new URL('../../ontologies/roles.ttl', import.meta.url), 'utf8'));
    const concepts = quads
      .filter((q) => q.predicate.value.endsWith('#type') && q.object.value === 'http://www.w3.org/2004/02/skos/core#Concept')
      .map((q) => q.subject.value)
      .sort();
    expect(concepts).toEqual(ROLES.map(roleIri).sort());
    for (const r of ROLES) {
      expect(quads.some((q) => q.subject.value === roleIri(r) && q.predicate.value.endsWith('#prefLabel') && (q.object as N3.Literal).language === 'nl')).toBe(true);
    }
  });
});
