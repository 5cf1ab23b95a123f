/** @jsxImportSource hono/jsx */
/** The citizens' search page (/zoeken): form, result count, results, facets as filters, paging. */
import { Layout } from '../../../shared/render/layout.js';
import { formHref, PAGE_SIZE, type SearchForm } from '../query.js';
import { FacetList, type FacetView } from './facets.js';
import { ResultList, type ResultView } from './results.js';

export interface SearchPageProps {
  path: string;
  form: SearchForm;
  /** Absent when the form asked nothing yet. */
  outcome?: { kind: 'results'; total: number; results: ResultView[]; facets: FacetView[] } | { kind: 'problem'; message: string };
}

function SearchBox({ path, form }: { path: string; form: SearchForm }) {
  return (
    <form method="get" action={path} role="search" class="search">
      <p>
        <label for="q">Zoekwoorden</label>
        <br />
        <input type="search" id="q" name="q" value={form.q} size={40} placeholder="bijvoorbeeld paspoort" />
      </p>
      <p>
        <label for="postcode">Postcode</label>{' '}
        <input type="text" id="postcode" name="postcode" value={form.postcode} size={7} inputmode="text" autocomplete="postal-code" />{' '}
        <span>of</span> <label for="gemeente">gemeente</label> <input type="text" id="gemeente" name="gemeente" value={form.gemeente} size={20} />
      </p>
      <p>
        <label for="doelgroep">Voor</label>{' '}
        <select id="doelgroep" name="doelgroep">
          <option value="" selected={!form.doelgroep}>iedereen</option>
          <option value="particulier" selected={form.doelgroep === 'particulier'}>particulieren</option>
          <option value="ondernemer" selected={form.doelgroep === 'ondernemer'}>ondernemers</option>
        </select>{' '}
        <label>
          <input type="checkbox" name="sorteer" value="datum" checked={form.sorteer === 'datum'} /> nieuwste eerst
        </label>
      </p>
      {(['online', 'organisatie', 'organisatietype', 'vanaf', 'tot'] as const).map((name) => (form[name] ? <input type="hidden" name={name} value={form[name]} /> : null))}
      <p>
        <button type="submit">Zoeken</button>
      </p>
    </form>
  );
}

function Paging({ path, form, total }: { path: string; form: SearchForm; total: number }) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const at = form.pagina;
  return (
    <nav aria-label="Pagina's" class="paging">
      {at > 1 ? <a href={formHref(path, form, { pagina: at - 1 })} rel="prev">Vorige</a> : null}{' '}
      <span>
        Pagina {at} van {pages}
      </span>{' '}
      {at < pages ? <a href={formHref(path, form, { pagina: at + 1 })} rel="next">Volgende</a> : null}
    </nav>
  );
}

export function SearchPage({ path, form, outcome }: SearchPageProps) {
  return (
    <Layout title="Zoeken in producten en diensten">
      <h1>Zoeken in producten en diensten</h1>
      <p>
        Vind producten en diensten van gemeenten, provincies, waterschappen en het Rijk. Met een postcode of gemeente ziet u wat voor uw woonplaats geldt.
      </p>
      <SearchBox path={path} form={form} />
      {outcome?.kind === 'problem' ? (
        <p role="alert" class="error" id="probleem">
          {outcome.message}
        </p>
      ) : null}
      {outcome?.kind === 'results' ? (
        <section aria-labelledby="resultaten-kop">
          <h2 id="resultaten-kop">
            {outcome.total === 1 ? '1 resultaat' : `${outcome.total} resultaten`}
          </h2>
          {outcome.total === 0 ? <p class="empty">Niets gevonden. Probeer andere of minder zoekwoorden, of zoek zonder filters.</p> : null}
          <FacetList path={path} form={form} facets={outcome.facets} />
          <ResultList results={outcome.results} start={(form.pagina - 1) * PAGE_SIZE + 1} />
          <Paging path={path} form={form} total={outcome.total} />
        </section>
      ) : null}
    </Layout>
  );
}
