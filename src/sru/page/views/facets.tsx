/** @jsxImportSource hono/jsx */
/** The facets as filter links with counts; an active filter can be removed. */
import { formHref, type FilterField, type SearchForm } from '../query.js';

export interface FacetView {
  /** Dutch heading. */
  label: string;
  field: FilterField | null;
  terms: { label: string; value: string; field: FilterField | null; count: number }[];
}

/** At most this many terms per facet (the national collection has hundreds of organisations). */
const MAX_TERMS = 12;

export function FacetList({ path, form, facets }: { path: string; form: SearchForm; facets: FacetView[] }) {
  const shown = facets.filter((f) => f.terms.some((t) => t.count > 0 && t.field));
  if (!shown.length) return null;
  return (
    <aside aria-label="Filters" class="facets">
      <h3>Verfijn</h3>
      {shown.map((f) => (
        <section>
          <h4>{f.label}</h4>
          <ul>
            {f.terms
              .filter((t) => t.count > 0 && t.field)
              .slice(0, MAX_TERMS)
              .map((t) => {
                const field = t.field!;
                const active = form[field] === t.value;
                return (
                  <li>
                    {active ? (
                      <>
                        <strong>
                          {t.label} ({t.count})
                        </strong>{' '}
                        <a href={formHref(path, form, { [field]: '', pagina: 1 })} aria-label={`Filter ${t.label} weghalen`}>
                          weghalen
                        </a>
                      </>
                    ) : (
                      <a href={formHref(path, form, { [field]: t.value, pagina: 1 })}>
                        {t.label} ({t.count})
                      </a>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </aside>
  );
}
