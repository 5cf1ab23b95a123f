/** @jsxImportSource hono/jsx */
/**
 * The generic resource page: every triple of a description, in RDFa, grouped by predicate, with
 * nested (skolemised) nodes shown in place. Its RDFa equals the Turtle representation exactly
 * (test/linked-data/rdfa-roundtrip.test.ts). It links to the resource's history in the audit trail.
 */
import type * as RDF from '@rdfjs/types';
import type { RdfFormat } from '../../shared/http/conneg.js';
import { Layout } from '../../shared/render/layout.js';
import { Prop, Resource, curie, prefixAttribute, type Labels } from '../../shared/render/rdfa.js';
import { pickLabel } from '../../shared/rdf/describe.js';
import { RDF_ } from '../../shared/rdf/vocab.js';
import { auditHistoryPath } from '../../audit/index.js';
import { FORMATS, FORMAT_LABELS } from '../documents.js';
import { predicateRank, termLabel, termNotation } from '../term-labels.js';
import { TableHead } from '../../shared/render/table.js';

export interface ResourcePageProps {
  subject: RDF.NamedNode;
  /** The description: triples about `subject` and about the nested nodes it points to. */
  triples: readonly RDF.Quad[];
  /** Labels of IRIs the description mentions (objects, types, predicates). */
  labels: Labels;
  /** Paths of the document in every format. */
  paths: Record<RdfFormat, string>;
  /** Whether an IRI is a nested node, described in place rather than linked. */
  isNested: (iri: string) => boolean;
}

interface Ctx {
  bySubject: Map<string, RDF.Quad[]>;
  labels: Labels;
  isNested: (iri: string) => boolean;
  /** Nested nodes already shown (a nested node is shown once, at its first mention). */
  shown: Set<string>;
}

/** A readable title: a label from the description, else the CURIE or the last IRI segment. */
export function resourceTitle(subject: RDF.NamedNode, triples: readonly RDF.Quad[]): { text: string; lang?: string } {
  const label = pickLabel(triples, subject);
  if (label) return { text: label.value, ...(label.language ? { lang: label.language } : {}) };
  const tail = /[^/#]+$/.exec(subject.value)?.[0];
  return { text: curie(subject.value) ?? (tail ? decodeURIComponentSafe(tail) : subject.value) };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function ResourcePage({ subject, triples, labels, paths, isNested }: ResourcePageProps) {
  const bySubject = new Map<string, RDF.Quad[]>();
  for (const t of triples) {
    const list = bySubject.get(t.subject.value) ?? [];
    list.push(t);
    bySubject.set(t.subject.value, list);
  }
  const ctx: Ctx = { bySubject, labels, isNested, shown: new Set([subject.value]) };
  const title = resourceTitle(subject, triples);
  const own = bySubject.get(subject.value) ?? [];
  const types = typesOf(own);
  return (
    <Layout title={title.text} prefix={prefixAttribute()}>
      <Resource as="article" about={subject} typeof={types} class="resource" aria-labelledby="title">
        <header class="resource-header">
          {types.length > 0 ? (
            <p class="kicker">
              {types.map((t, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={t.value} title={t.value}>
                    {termLabel(t, labels)}
                  </a>
                </>
              ))}
            </p>
          ) : null}
          <h1 id="title" lang={title.lang}>
            {title.text}
          </h1>
          <p class="iri">
            <span class="iri-label">URI</span> <code>{subject.value}</code>
          </p>
        </header>
        <PropertyTable triples={own} ctx={ctx} caption="Eigenschappen" />
      </Resource>
      <section class="formats" aria-labelledby="formats-title">
        <h2 id="formats-title">Deze gegevens in andere formaten</h2>
        <ul>
          {FORMATS.map((f) => (
            <li>
              <a href={paths[f]} type={f === 'html' ? 'text/html' : undefined} hreflang={f === 'html' ? 'nl' : undefined}>
                {FORMAT_LABELS[f]}
              </a>{' '}
              <code>{paths[f]}</code>
            </li>
          ))}
        </ul>
      </section>
      {/* A plain link (no rel, no property): it states no triple, so the RDFa stays the Turtle. */}
      <p class="history">
        <a href={auditHistoryPath(subject.value)}>Geschiedenis</a> <small>(wie wat wanneer wijzigde; voor beheerders)</small>
      </p>
    </Layout>
  );
}

function typesOf(triples: readonly RDF.Quad[]): RDF.NamedNode[] {
  return triples.filter((t) => t.predicate.equals(RDF_.type) && t.object.termType === 'NamedNode').map((t) => t.object as RDF.NamedNode);
}

/** Triples grouped by predicate (rdf:type left out: the enclosing Resource's typeof carries it). */
function groups(triples: readonly RDF.Quad[], labels: Labels): { p: RDF.NamedNode; objects: RDF.Term[] }[] {
  const map = new Map<string, { p: RDF.NamedNode; objects: RDF.Term[] }>();
  for (const t of triples) {
    if (t.predicate.equals(RDF_.type) && t.object.termType === 'NamedNode') continue;
    const g = map.get(t.predicate.value) ?? { p: t.predicate as RDF.NamedNode, objects: [] };
    g.objects.push(t.object);
    map.set(t.predicate.value, g);
  }
  return [...map.values()].sort(
    (a, b) => predicateRank(a.p) - predicateRank(b.p) || termLabel(a.p, labels).localeCompare(termLabel(b.p, labels), 'nl'),
  );
}

function PropertyTable({ triples, ctx, caption }: { triples: readonly RDF.Quad[]; ctx: Ctx; caption: string }) {
  const rows = groups(triples, ctx.labels);
  if (rows.length === 0) return <p class="empty">Geen verdere eigenschappen.</p>;
  return (
    <table class="properties">
      <caption>{caption}</caption>
      <TableHead columns={['Eigenschap', 'Waarde']} />
      <tbody>
        {rows.map(({ p, objects }) => (
          <tr>
            <th scope="row">
              <a href={p.value} title={p.value} class="predicate">
                {termLabel(p, ctx.labels)}
              </a>
              {termLabel(p, ctx.labels) !== termNotation(p) ? (
                <>
                  {' '}
                  <small class="curie">{termNotation(p)}</small>
                </>
              ) : null}
            </th>
            <td>
              {objects.length === 1 ? (
                <Value p={p} o={objects[0]!} ctx={ctx} />
              ) : (
                <ul class="values">
                  {objects.map((o) => (
                    <li>
                      <Value p={p} o={o} ctx={ctx} />
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One object: a literal or link, or a nested node described in place (once). */
function Value({ p, o, ctx }: { p: RDF.NamedNode; o: RDF.Term; ctx: Ctx }) {
  if (o.termType === 'NamedNode' && ctx.isNested(o.value)) {
    const triples = ctx.bySubject.get(o.value) ?? [];
    const label = pickLabel(triples, o);
    if (ctx.shown.has(o.value) || triples.length === 0) {
      const text = triples.length === 0 ? 'genest object' : `${label?.value ?? 'genest object'} (zie boven)`;
      return <Prop p={p} o={o} link={false} label={text} class="nested-ref" />;
    }
    ctx.shown.add(o.value);
    const types = typesOf(triples);
    const name = label?.value ?? (types.length ? types.map((t) => termLabel(t, ctx.labels)).join(', ') : 'Genest object');
    return (
      <>
        {/* The triple (subject, p, nested node) without visible text: the table below shows the node. */}
        <Prop p={p} o={o} link={false} label="" class="nested-ref" />
        <Resource as="div" about={o} typeof={types} class="nested">
          <PropertyTable triples={triples} ctx={ctx} caption={name} />
        </Resource>
      </>
    );
  }
  return <Prop p={p} o={o} labels={ctx.labels} />;
}
