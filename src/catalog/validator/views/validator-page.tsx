/** @jsxImportSource hono/jsx */
/** The public catalogue validator: the form (file or URL) and, after sending it, the report on the same page. */
import { Layout } from '../../../shared/render/layout.js';
import type { CatalogueReport } from '../../model.js';
import type { LinkCheckReport } from '../linkcheck.js';
import { LinkSection } from './link-section.js';
import { CatalogueProblems, OverviewTable, ProductsTable, XmlErrors } from './report-sections.js';

export interface ValidationResult {
  /** File name or URL of the catalogue. */
  source: string;
  report: CatalogueReport;
  links: LinkCheckReport | null;
}

export interface ValidatorPageProps {
  action: string;
  /** Most links checked per validation (0: no link check). */
  maxLinks: number;
  url?: string;
  checkLinks?: boolean;
  /** Why the catalogue could not be read (no file, fetch failed). */
  problem?: string;
  result?: ValidationResult;
}

function Form({ action, maxLinks, url, checkLinks = true }: ValidatorPageProps) {
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="validator">
      <p>
        <label>
          Bestand <small>(SC 4.0 XML)</small> <input type="file" name="bestand" accept=".xml,application/xml,text/xml" />
        </label>
      </p>
      <p>
        <label>
          of URL <small>(http of https; de catalogus wordt opgehaald zoals de harvester dat doet)</small>{' '}
          <input type="url" name="url" value={url ?? ''} placeholder="https://www.gemeente.nl/sc-catalogus.xml" size={60} />
        </label>
      </p>
      {maxLinks > 0 ? (
        <p>
          <label>
            <input type="checkbox" name="links" value="1" checked={checkLinks} /> Productpagina's controleren (hoogstens {maxLinks} links)
          </label>
        </p>
      ) : null}
      <p>
        <button type="submit">Valideren</button>
      </p>
    </form>
  );
}

function Result({ result }: { result: ValidationResult }) {
  const { report } = result;
  return (
    <section aria-labelledby="result-title" id="resultaat">
      <h2 id="result-title">Resultaat</h2>
      <p class={report.valid ? 'verdict valid' : 'verdict invalid'} role="status">
        {report.valid ? 'De catalogus is geldig' : 'De catalogus is niet geldig'}: {result.source}
      </p>
      <OverviewTable overview={report.overview} />
      <XmlErrors errors={report.xmlErrors} />
      <CatalogueProblems problems={report.catalogueProblems} />
      <ProductsTable products={report.products} />
      <LinkSection links={result.links} />
    </section>
  );
}

export function ValidatorPage(props: ValidatorPageProps) {
  return (
    <Layout title="SC-catalogus valideren">
      <h1>SC-catalogus valideren</h1>
      <p>
        Controleer een productcatalogus volgens Samenwerkende Catalogi 4.0: de XML, de extra regels (waardelijsten, uniforme productnamen,
        uniciteit) en de bereikbaarheid van de productpagina's. Er wordt niets opgeslagen.
      </p>
      <Form {...props} />
      {props.problem ? (
        <p role="alert" class="error" id="probleem">
          {props.problem}
        </p>
      ) : null}
      {props.result ? <Result result={props.result} /> : null}
    </Layout>
  );
}
