/** @jsxImportSource hono/jsx */
/** The link check of the product pages on the validator page. */
import { TableHead } from '../../../shared/render/table.js';
import { LINK_OUTCOMES, type LinkCheckReport, type LinkOutcome, type LinkResult } from '../linkcheck.js';
import { WebLink } from './report-sections.js';

export const OUTCOME_LABEL: Record<LinkOutcome, string> = {
  ok: 'in orde',
  redirect: 'doorverwijzing',
  'client-error': '4xx (pagina niet gevonden of geweigerd)',
  'server-error': '5xx (serverfout)',
  timeout: 'time-out',
  unreachable: 'onbereikbaar',
  refused: 'niet gecontroleerd',
};

function Detail({ r }: { r: LinkResult }) {
  if (r.location) return <>naar <WebLink url={r.location} /></>;
  return <>{r.message ?? ''}</>;
}

export function LinkSection({ links }: { links: LinkCheckReport | null }) {
  if (!links) {
    return (
      <section aria-labelledby="links-title" id="linkcontrole">
        <h2 id="links-title">Linkcontrole</h2>
        <p>De productpagina's zijn niet gecontroleerd.</p>
      </section>
    );
  }
  const left = links.total - links.checked;
  return (
    <section aria-labelledby="links-title" id="linkcontrole">
      <h2 id="links-title">Linkcontrole</h2>
      <p>
        {links.checked} van de {links.total} productpagina's gecontroleerd (hoogstens {links.limit} per validatie, {links.concurrency} tegelijk,
        time-out {links.timeoutMs} ms per link).
        {left > 0 ? ` ${left} productpagina's zijn niet gecontroleerd.` : null}
      </p>
      <ul class="link-counts">
        {LINK_OUTCOMES.filter((o) => links.counts[o] > 0).map((o) => (
          <li>
            {OUTCOME_LABEL[o]}: {links.counts[o]}
          </li>
        ))}
      </ul>
      {links.results.length === 0 ? null : (
        <table class="links">
          <TableHead columns={['Productpagina', 'Resultaat', 'HTTP-status', 'Toelichting']} />
          <tbody>
            {links.results.map((r) => (
              <tr data-outcome={r.outcome}>
                <td>
                  <WebLink url={r.url} />
                </td>
                <td>{OUTCOME_LABEL[r.outcome]}</td>
                <td>{r.status ?? '—'}</td>
                <td>
                  <Detail r={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
