/** @jsxImportSource hono/jsx */
/** The result list: title linked to the product page, organisation, abstract, audience, online aanvragen. */

export interface ResultView {
  href: string;
  title: string;
  authority: string;
  snippet: string;
  audience: string[];
  online: string;
  aanvraagURL: string | null;
}

const ONLINE: Record<string, string> = { ja: 'online aan te vragen', digid: 'online aan te vragen met DigiD', nee: 'niet online aan te vragen' };

export function ResultList({ results, start }: { results: ResultView[]; start: number }) {
  if (!results.length) return null;
  return (
    <ol class="results" start={start}>
      {results.map((r) => (
        <li>
          <h3>
            <a href={r.href}>{r.title || 'Naamloos product'}</a>
          </h3>
          <p class="meta">
            {r.authority || 'Onbekende organisatie'}
            {r.audience.length ? ` · voor ${r.audience.join(' en ')}` : ''}
            {r.online ? ` · ${ONLINE[r.online] ?? r.online}` : ''}
          </p>
          {r.snippet ? <p>{r.snippet}</p> : null}
          {r.aanvraagURL ? (
            <p>
              <a href={r.aanvraagURL} rel="external nofollow" aria-label={`${r.title}: online aanvragen`}>
                Online aanvragen
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
