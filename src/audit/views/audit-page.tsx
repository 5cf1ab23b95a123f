/** @jsxImportSource hono/jsx */
/**
 * The audit trail for beheerders: a filter form (GET, works without JavaScript), the entries newest
 * first, paging links, and links to the same selection as JSON, Turtle and JSON-LD. Plain HTML, no
 * RDFa: these are internal records, not published data. Every value is escaped by JSX.
 */
import { Layout } from '../../shared/render/layout.js';
import { filterParams } from '../filters.js';
import type { AuditPage, AuditRecord } from '../model.js';
import { auditPath } from '../paths.js';
import { formatAuditTime } from '../time.js';
import { TableHead } from '../../shared/render/table.js';

export interface AuditPageProps {
  page: AuditPage;
  /** The request's query parameters (to keep the filter in links and in the form). */
  params: URLSearchParams;
  /** The document path (/doc/...) of a local thing, or null. */
  documentPathFor: (iri: string) => string | null;
}

const OUTCOME_LABELS: Record<string, string> = { success: 'geslaagd', denied: 'geweigerd', failure: 'mislukt' };

const FORMAT_LINKS = [
  { format: 'json', label: 'JSON' },
  { format: 'ttl', label: 'Turtle' },
  { format: 'jsonld', label: 'JSON-LD' },
];

/** Link to the trail with one filter set (the other filters kept, back to page 1). */
function withFilter(params: URLSearchParams, name: string, value: string): string {
  const p = filterParams(params, 1);
  p.delete('format');
  p.set(name, value);
  return auditPath(p);
}

export function AuditPageView({ page, params, documentPathFor }: AuditPageProps) {
  const { filter, entries, hasMore } = page;
  const htmlParams = (n: number) => {
    const p = filterParams(params, n);
    p.delete('format');
    return auditPath(p);
  };
  const value = (name: string) => params.get(name) ?? '';
  const first = (filter.page - 1) * filter.size + 1;
  return (
    <Layout title="Audittrail">
      <h1>Audittrail</h1>
      <p>
        Elke wijziging, publicatie, login en geweigerde handeling, met wie ze deed (persoon of token), wanneer, aan welke
        resource en met welk resultaat. Tijden in Belgische tijd. Niemand kan deze gegevens wijzigen of verwijderen.
      </p>
      <form method="get" action={auditPath(new URLSearchParams())} class="audit-filter">
        <fieldset>
          <legend>Filter</legend>
          <p>
            <label for="f-resource">Resource (IRI)</label> <input id="f-resource" name="resource" type="url" value={value('resource')} size={60} />
          </p>
          <p>
            <label for="f-scope">Organisatie (IRI)</label> <input id="f-scope" name="scope" type="url" value={value('scope')} size={60} />
          </p>
          <p>
            <label for="f-agent">Actor (IRI van persoon of token)</label>{' '}
            <input id="f-agent" name="agent" type="url" value={value('agent')} size={60} />
          </p>
          <p>
            <label for="f-action">Actie</label>{' '}
            <input id="f-action" name="action" type="text" value={value('action')} placeholder="graph.replace" size={24} />{' '}
            <label for="f-outcome">Resultaat</label>{' '}
            <select id="f-outcome" name="outcome">
              <option value="" selected={!filter.outcome}>
                alle
              </option>
              {Object.entries(OUTCOME_LABELS).map(([v, l]) => (
                <option value={v} selected={filter.outcome === v}>
                  {l}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="f-from">Van</label>{' '}
            <input id="f-from" name="from" type="text" value={value('from')} placeholder="2024-05-01" size={20} />{' '}
            <label for="f-to">tot en met</label> <input id="f-to" name="to" type="text" value={value('to')} placeholder="2024-05-31T17:00" size={20} />{' '}
            <small>(datum of datum en tijd, ISO 8601)</small>
          </p>
          <p>
            <label for="f-size">Per pagina</label> <input id="f-size" name="size" type="number" min="1" max="500" value={String(filter.size)} />{' '}
            <button type="submit">Filteren</button> <a href={auditPath(new URLSearchParams())}>Filter wissen</a>
          </p>
        </fieldset>
      </form>
      <p class="formats">
        Deze selectie als{' '}
        {FORMAT_LINKS.map((f, i) => {
          const p = filterParams(params, filter.page);
          p.set('format', f.format);
          return (
            <>
              {i > 0 ? ', ' : ''}
              <a href={auditPath(p)}>{f.label}</a>
            </>
          );
        })}
        .
      </p>
      {entries.length === 0 ? (
        <p class="empty">Geen gebeurtenissen voor dit filter{filter.page > 1 ? ' op deze pagina' : ''}.</p>
      ) : (
        <table class="audit">
          <caption>
            Gebeurtenissen {first} tot {first + entries.length - 1}, nieuwste eerst
          </caption>
          <TableHead columns={['Tijdstip', 'Actor', 'Actie', 'Resource', 'Resultaat', 'Versie', 'Grafen', 'Request-id']} />
          <tbody>
            {entries.map((e) => (
              <Row e={e} params={params} documentPathFor={documentPathFor} />
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pagina's" class="paging">
        {filter.page > 1 ? (
          <a href={htmlParams(filter.page - 1)} rel="prev">
            Nieuwere
          </a>
        ) : null}{' '}
        {hasMore ? (
          <a href={htmlParams(filter.page + 1)} rel="next">
            Oudere
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}

function Row({ e, params, documentPathFor }: { e: AuditRecord; params: URLSearchParams; documentPathFor: (iri: string) => string | null }) {
  const time = Date.parse(e.time);
  const doc = e.resource ? documentPathFor(e.resource) : null;
  return (
    <tr class={`outcome-${e.outcome}`}>
      <td>{Number.isNaN(time) ? e.time : <time datetime={e.time}>{formatAuditTime(new Date(time))}</time>}</td>
      <td>
        {e.agent ? (
          <a href={withFilter(params, 'agent', e.agent)} title={e.agent}>
            {e.agentLabel ?? e.agent}
          </a>
        ) : (
          'anoniem'
        )}
      </td>
      <td>
        <a href={withFilter(params, 'action', e.action)}>
          <code>{e.action}</code>
        </a>
        {e.detail ? (
          <>
            <br />
            <small>{e.detail}</small>
          </>
        ) : null}
        {e.scope ? (
          <>
            <br />
            <small>
              in{' '}
              <a href={withFilter(params, 'scope', e.scope)} title={e.scope}>
                {e.scopeLabel ?? e.scope}
              </a>
            </small>
          </>
        ) : null}
      </td>
      <td>
        {e.resource ? (
          <>
            {doc ? (
              <a href={doc} title={e.resource}>
                {e.resourceLabel ?? e.resource}
              </a>
            ) : (
              <code>{e.resourceLabel ?? e.resource}</code>
            )}{' '}
            <small>
              (<a href={withFilter(params, 'resource', e.resource)}>geschiedenis</a>)
            </small>
          </>
        ) : null}
      </td>
      <td>{OUTCOME_LABELS[e.outcome] ?? e.outcome}</td>
      <td>{e.versionAfter !== undefined ? `${e.versionBefore ?? 0} → ${e.versionAfter}` : ''}</td>
      <td>
        {e.affectedGraphs.length ? (
          <ul class="values">
            {e.affectedGraphs.map((g) => (
              <li>
                <code>{g}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>
        <code>{e.requestId ?? ''}</code>
      </td>
    </tr>
  );
}
