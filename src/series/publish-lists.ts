/**
 * Publishes the series register's code lists and committees in the store (so their IRIs
 * dereference and SPARQL can join on them): one graph for the code lists, one per committee.
 * Written once, at start-up, when absent.
 */
import type * as RDF from '@rdfjs/types';
import type { AuditLog } from '../shared/audit/audit-log.js';
import { systemActor } from '../shared/auth/actor.js';
import { sparql } from '../shared/rdf/encode.js';
import type { GraphReplacement, TripleStore } from '../shared/store/port.js';
import type { UriPolicy } from '../shared/uri.js';
import type { CodeLists } from './codelists.js';

export async function ensureSeriesCodeLists(deps: { store: TripleStore; audit: AuditLog; uris: UriPolicy }, lists: CodeLists): Promise<boolean> {
  const { store, audit, uris } = deps;
  const listGraph = uris.graph('codelijst', 'serieregister');
  if (await store.ask(sparql`ASK { GRAPH ${listGraph} { ?s ?p ?o } }`)) return false;
  const replaceGraphs: GraphReplacement[] = [{ graph: listGraph, quads: lists.codeListQuads }];
  const bySubject = new Map<string, RDF.Quad[]>();
  for (const q of lists.committeeQuads) (bySubject.get(q.subject.value) ?? bySubject.set(q.subject.value, []).get(q.subject.value)!).push(q);
  for (const c of lists.committees) replaceGraphs.push({ graph: uris.graph('commissie', c.slug), quads: bySubject.get(c.iri.value) ?? [] });
  await audit.write({ actor: systemActor(uris), requestId: 'startup' }, { action: 'series.codelists', scope: uris.platform, detail: 'code lists and committees of the series register' }, { replaceGraphs });
  return true;
}
