/** @jsxImportSource hono/jsx */
/**
 * The API documentation as a server-rendered page, generated from the same OpenAPI document that
 * /api/openapi.json serves: every path and method with its summary, parameters and responses.
 */
import { Layout } from '../../shared/render/layout.js';
import { TableHead } from '../../shared/render/table.js';

interface OaParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Record<string, unknown>;
}

interface OaOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OaParameter[];
  requestBody?: { description?: string; required?: boolean; content?: Record<string, unknown> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, OaOperation>>;
}

const METHOD_ORDER = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];
const WHERE: Record<string, string> = { query: 'query', path: 'pad', header: 'header', cookie: 'cookie' };

interface Entry {
  id: string;
  path: string;
  method: string;
  op: OaOperation;
}

/** Operations grouped by their first tag ("Overig" without one), tags and paths sorted. */
function byTag(doc: OpenApiDocument): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>();
  const used = new Set<string>();
  const paths = Object.entries(doc.paths ?? {}).sort(([a], [b]) => a.localeCompare(b));
  for (const [path, item] of paths) {
    const methods = Object.entries(item).sort(([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
    for (const [method, op] of methods) {
      let id = `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}`;
      for (let i = 2; used.has(id); i++) id = `${id}-${i}`;
      used.add(id);
      const tag = op.tags?.[0] ?? 'Overig';
      const list = groups.get(tag) ?? [];
      list.push({ id, path, method, op });
      groups.set(tag, list);
    }
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'nl'));
}

const tagId = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export function ApiDocsPage({ doc, jsonPath }: { doc: OpenApiDocument; jsonPath: string }) {
  const groups = byTag(doc);
  return (
    <Layout title="API-documentatie">
      <h1>API-documentatie</h1>
      <p>
        {doc.info?.title ?? 'API'}
        {doc.info?.version ? `, versie ${doc.info.version}` : ''}. {doc.info?.description ?? ''}
      </p>
      <p>
        Machineleesbaar: het <a href={jsonPath}>OpenAPI 3-document</a> (<code>{jsonPath}</code>).
      </p>
      <nav aria-labelledby="toc-title">
        <h2 id="toc-title">Onderdelen</h2>
        <ul>
          {groups.map(([tag, entries]) => (
            <li>
              <a href={`#${tagId(tag)}`}>{tag}</a> ({entries.length} {entries.length === 1 ? 'operatie' : 'operaties'})
            </li>
          ))}
        </ul>
      </nav>
      {groups.map(([tag, entries]) => (
        <section aria-labelledby={tagId(tag)}>
          <h2 id={tagId(tag)}>{tag}</h2>
          {entries.map((e) => (
            <Operation entry={e} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

function Operation({ entry: { id, path, method, op } }: { entry: Entry }) {
  const params = op.parameters ?? [];
  const responses = Object.entries(op.responses ?? {});
  return (
    <article class="op" aria-labelledby={id}>
      <h3 id={id}>
        <span class="method">{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      {op.summary ? <p>{op.summary}</p> : null}
      {op.description ? <p class="desc">{op.description}</p> : null}
      {op.security && op.security.length > 0 ? <p class="auth">Vereist een bearer-token (Authorization: Bearer …).</p> : null}
      {params.length > 0 ? (
        <table>
          <caption>Parameters</caption>
          <TableHead columns={['Naam', 'In', 'Verplicht', 'Beschrijving']} />
          <tbody>
            {params.map((p) => (
              <tr>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                <td>{WHERE[p.in] ?? p.in}</td>
                <td>{p.required ? 'ja' : 'nee'}</td>
                <td>{p.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {op.requestBody ? (
        <p>
          Inhoud van het verzoek{op.requestBody.required === false ? ' (optioneel)' : ''}: {op.requestBody.description ?? ''}
          {op.requestBody.content ? (
            <>
              {' '}
              ({Object.keys(op.requestBody.content).map((t, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <code>{t}</code>
                </>
              ))}
              )
            </>
          ) : null}
        </p>
      ) : null}
      {responses.length > 0 ? (
        <table>
          <caption>Antwoorden</caption>
          <TableHead columns={['Status', 'Betekenis', 'Mediatypen']} />
          <tbody>
            {responses.map(([code, r]) => (
              <tr>
                <th scope="row">{code}</th>
                <td>{r.description ?? ''}</td>
                <td>
                  {Object.keys(r.content ?? {}).map((t, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <code>{t}</code>
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
