/** @jsxImportSource hono/jsx */
/**
 * The SPARQL query page: a form that works without JavaScript (submits by GET to the endpoint
 * itself) and, when a query was given, its results as a table. Every value is escaped by JSX.
 */
import type * as RDF from '@rdfjs/types';
import { Layout } from '../../shared/render/layout.js';
import { curie } from '../../shared/render/rdfa.js';
import { GRAPH_FORMATS, RESULTS_FORMATS } from '../formats.js';
import type { JsonTerm, JsonRow } from '../results.js';
import { TableHead } from '../../shared/render/table.js';

export type PageResult =
  | { kind: 'select'; vars: string[]; rows: JsonRow[] }
  | { kind: 'ask'; value: boolean }
  | { kind: 'graph'; triples: RDF.Quad[] };

export interface QueryPageProps {
  /** Path the form submits to (the endpoint itself). */
  action: string;
  query: string;
  format: string;
  maxRows: number;
  timeoutMs: number;
  result?: PageResult;
  truncated?: boolean;
  error?: { status: number; code: string; message: string };
  ms?: number;
}

export const EXAMPLE_QUERY = `PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?s ?p ?o
WHERE {
  ?s ?p ?o .
}
LIMIT 25`;

const FORMAT_OPTIONS: { value: string; label: string }[] = [
  { value: 'html', label: 'HTML-tabel' },
  ...RESULTS_FORMATS.map((f) => ({ value: f.key, label: `${f.label} (SELECT/ASK)` })),
  ...GRAPH_FORMATS.map((f) => ({ value: f.key, label: `${f.label} (CONSTRUCT/DESCRIBE)` })),
];

function Iri({ iri }: { iri: string }) {
  const text = curie(iri) ?? iri;
  // Only web links become links: an IRI like javascript:... is shown, never followed.
  return /^https?:\/\//i.test(iri) ? (
    <a href={iri} title={iri}>
      {text}
    </a>
  ) : (
    <span title={iri}>{text}</span>
  );
}

function JsonCell({ t }: { t: JsonTerm | undefined }) {
  if (!t) return <td></td>;
  return <td>{renderJsonTerm(t)}</td>;
}

function renderJsonTerm(t: JsonTerm): ReturnType<typeof Iri> {
  switch (t.type) {
    case 'uri':
      return <Iri iri={t.value} />;
    case 'bnode':
      return <code>{`_:${t.value}`}</code>;
    case 'literal':
      return <Lit value={t.value} lang={t['xml:lang']} datatype={t.datatype} />;
    case 'triple':
      return (
        <span>
          {'<< '}
          {renderJsonTerm(t.value.subject)} {renderJsonTerm(t.value.predicate)} {renderJsonTerm(t.value.object)}
          {' >>'}
        </span>
      );
  }
}

function Lit({ value, lang, datatype }: { value: string; lang?: string | undefined; datatype?: string | undefined }) {
  const showType = datatype && !datatype.endsWith('#string') && !datatype.endsWith('#langString');
  return (
    <span>
      <span class="literal">{value}</span>
      {lang ? <small class="lang">{`@${lang}`}</small> : null}
      {showType ? <small class="datatype">{`^^${curie(datatype) ?? datatype}`}</small> : null}
    </span>
  );
}

function TermCell({ t }: { t: RDF.Term }) {
  switch (t.termType) {
    case 'NamedNode':
      return (
        <td>
          <Iri iri={t.value} />
        </td>
      );
    case 'BlankNode':
      return (
        <td>
          <code>{`_:${t.value}`}</code>
        </td>
      );
    case 'Literal':
      return (
        <td>
          <Lit value={t.value} lang={t.language || undefined} datatype={t.datatype.value} />
        </td>
      );
    default:
      return <td>{t.value}</td>;
  }
}

function Results({ result, truncated, maxRows }: { result: PageResult; truncated: boolean; maxRows: number }) {
  const note = truncated ? <p class="notice">{`Het resultaat is afgekapt op ${maxRows} rijen.`}</p> : null;
  if (result.kind === 'ask') {
    return (
      <section aria-labelledby="results-title">
        <h2 id="results-title">Resultaat</h2>
        <p class="ask-result">{result.value ? 'true' : 'false'}</p>
      </section>
    );
  }
  if (result.kind === 'graph') {
    return (
      <section aria-labelledby="results-title">
        <h2 id="results-title">{`Resultaat: ${result.triples.length} triples`}</h2>
        {note}
        <table class="sparql-results">
          <TableHead columns={['subject', 'predicate', 'object']} />
          <tbody>
            {result.triples.map((q) => (
              <tr>
                <TermCell t={q.subject} />
                <TermCell t={q.predicate} />
                <TermCell t={q.object} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{`Resultaat: ${result.rows.length} rijen`}</h2>
      {note}
      <table class="sparql-results">
        <thead>
          <tr>
            {result.vars.map((v) => (
              <th scope="col">{`?${v}`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr>
              {result.vars.map((v) => (
                <JsonCell t={row[v]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function QueryPage(p: QueryPageProps) {
  return (
    <Layout title="SPARQL">
      <h1>SPARQL-endpoint</h1>
      <p>
        Alleen-lezen SPARQL 1.1-endpoint. Elke query krijgt {p.timeoutMs} ms rekentijd en levert hoogstens {p.maxRows} rijen. Zonder
        FROM of dataset-parameters is de standaardgraaf de vereniging van alle grafen.
      </p>
      <form method="get" action={p.action} class="sparql-form">
        <p>
          <label for="sparql-query">Query</label>
          <br />
          <textarea id="sparql-query" name="query" rows={14} cols={90} spellcheck={false} required>
            {/* The HTML parser drops one newline right after <textarea>: this one, so the query stays exact. */}
            {`\n${p.query || EXAMPLE_QUERY}`}
          </textarea>
        </p>
        <p>
          <label for="sparql-format">Resultaatformaat</label>{' '}
          <select id="sparql-format" name="format">
            {FORMAT_OPTIONS.map((o) => (
              <option value={o.value} selected={o.value === p.format}>
                {o.label}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Uitvoeren</button>
        </p>
      </form>
      {p.error ? (
        <section aria-labelledby="error-title" class="error">
          <h2 id="error-title">{`Fout ${p.error.status}`}</h2>
          <pre>{p.error.message}</pre>
          <p>
            <small>
              Code <code>{p.error.code}</code>
            </small>
          </p>
        </section>
      ) : null}
      {p.result ? <Results result={p.result} truncated={!!p.truncated} maxRows={p.maxRows} /> : null}
      {p.ms !== undefined ? (
        <p>
          <small>{`${Math.round(p.ms)} ms`}</small>
        </p>
      ) : null}
    </Layout>
  );
}
