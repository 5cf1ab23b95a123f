/**
 * The register's code lists (data/decisions/*.ttl): document types, agendapunt types, decision
 * types and body classifications. Code uses their keys (skos:notation); the IRIs stay in the data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import type * as RDF from '@rdfjs/types';
import { AppError } from '../shared/errors.js';
import { namedNode } from '../shared/rdf/factory.js';
import { SKOS } from '../shared/rdf/vocab.js';

export interface Code {
  key: string;
  iri: RDF.NamedNode;
  label: string;
}

export class CodeList {
  private readonly byKey = new Map<string, Code>();
  private readonly byIri = new Map<string, Code>();

  constructor(
    readonly name: string,
    codes: Code[],
  ) {
    for (const c of codes) {
      this.byKey.set(c.key, c);
      // An alias (a second key for the same concept) never takes over the concept's own key.
      if (!this.byIri.has(c.iri.value)) this.byIri.set(c.iri.value, c);
    }
  }

  get all(): Code[] {
    return [...this.byKey.values()];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The code of a key; throws for an unknown key (callers check input with `has` first). */
  get(key: string): Code {
    const c = this.byKey.get(key);
    if (!c) throw new AppError('bad_request', `${key} is not in the code list ${this.name}`);
    return c;
  }

  ofIri(iri: string): Code | undefined {
    return this.byIri.get(iri);
  }

  static load(file: string): CodeList {
    const quads = new N3.Parser({ format: 'text/turtle' }).parse(readFileSync(file, 'utf8'));
    const codes = new Map<string, Partial<Code>>();
    for (const q of quads) {
      const c: Partial<Code> = codes.get(q.subject.value) ?? { iri: namedNode(q.subject.value) };
      if (q.predicate.equals(SKOS.notation)) c.key = q.object.value;
      if (q.predicate.equals(SKOS.prefLabel)) c.label = q.object.value;
      codes.set(q.subject.value, c);
    }
    const list = [...codes.values()].filter((c): c is Code => !!c.key && !!c.label && !!c.iri);
    return new CodeList(path.basename(file, '.ttl'), list);
  }
}

export interface DecisionCodeLists {
  documentTypes: CodeList;
  agendapuntTypes: CodeList;
  besluitTypes: CodeList;
  orgaanClassificaties: CodeList;
}

export function loadCodeLists(dir: string): DecisionCodeLists {
  const f = (name: string) => CodeList.load(path.join(dir, `${name}.ttl`));
  const documentTypes = f('documenttypes');
  const agenda = documentTypes.get('agenda');
  return {
    // The aanvullende and spoedeisende agenda are Agenda documents too (model.ts AGENDA_KINDS).
    documentTypes: new CodeList(documentTypes.name, [
      ...documentTypes.all,
      { key: 'aanvullende-agenda', iri: agenda.iri, label: 'Aanvullende agenda' },
      { key: 'spoedeisende-agenda', iri: agenda.iri, label: 'Spoedeisende agenda' },
    ]),
    agendapuntTypes: f('agendapunttypes'),
    besluitTypes: f('besluittypes'),
    orgaanClassificaties: f('bestuursorgaanclassificatie'),
  };
}
