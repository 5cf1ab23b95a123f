/**
 * Routes are declared once, with their documentation; the OpenAPI 3 document is generated from
 * those declarations, so it cannot drift from what is mounted.
 */
import type { Env, Hono, MiddlewareHandler, Handler } from 'hono';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

export interface ParamDoc {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema?: Record<string, unknown>;
}

export interface RouteDoc {
  method: Method | Method[];
  /** Hono path syntax relative to the registrar's prefix (e.g. `/:kind/:id`). */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: ParamDoc[];
  requestBody?: { description: string; contentTypes: string[]; required?: boolean };
  responses: Record<string, { description: string; contentTypes?: string[] }>;
  /** Leave out of the published document (e.g. static files). */
  hidden?: boolean;
  security?: 'bearer' | 'session' | 'none';
}

interface Registered extends RouteDoc {
  fullPath: string;
}

/** `:name` or `:name{pattern}` as OpenAPI `{name}`; a pattern ending in a literal extension (`{[0-9]+\\.pdf}`) as `{name}.pdf`. */
function openApiParam(_match: string, name: string, pattern?: string): string {
  const ext = /\\\.([a-z0-9]+)\}$/i.exec(pattern ?? '')?.[1];
  return ext ? `{${name}}.${ext}` : `{${name}}`;
}

export class ApiRegistry {
  private readonly routes: Registered[] = [];

  /** A registrar for routes mounted under `prefix`. */
  scope(prefix: string): ApiScope {
    return new ApiScope(this, prefix.replace(/\/+$/, ''));
  }

  add(r: Registered): void {
    this.routes.push(r);
  }

  list(): readonly Registered[] {
    return this.routes;
  }

  document(info: { title: string; version: string; description: string; serverUrl: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of this.routes) {
      if (r.hidden) continue;
      const oaPath = r.fullPath.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, openApiParam).replace(/\/\*$/, '/{rest}') || '/';
      const item = (paths[oaPath] ??= {});
      const pathParams = [...oaPath.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => m[1]!);
      for (const method of Array.isArray(r.method) ? r.method : [r.method]) {
        const params: ParamDoc[] = [...(r.parameters ?? [])];
        for (const p of pathParams) {
          if (!params.some((x) => x.name === p && x.in === 'path')) params.push({ name: p, in: 'path', required: true, description: p });
        }
        item[method] = {
          summary: r.summary,
          ...(r.description ? { description: r.description } : {}),
          ...(r.tags ? { tags: r.tags } : {}),
          ...(params.length
            ? { parameters: params.map((p) => ({ ...p, required: p.in === 'path' ? true : !!p.required, schema: p.schema ?? { type: 'string' } })) }
            : {}),
          ...(r.requestBody
            ? {
                requestBody: {
                  description: r.requestBody.description,
                  required: r.requestBody.required ?? true,
                  content: Object.fromEntries(r.requestBody.contentTypes.map((t) => [t, {}])),
                },
              }
            : {}),
          ...(r.security === 'bearer' ? { security: [{ bearerAuth: [] }] } : {}),
          responses: Object.fromEntries(
            Object.entries(r.responses).map(([code, resp]) => [
              code,
              { description: resp.description, ...(resp.contentTypes ? { content: Object.fromEntries(resp.contentTypes.map((t) => [t, {}])) } : {}) },
            ]),
          ),
        };
      }
    }
    return {
      openapi: '3.0.3',
      info: { title: info.title, version: info.version, description: info.description },
      servers: [{ url: info.serverUrl }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      paths,
    };
  }
}

export class ApiScope {
  constructor(
    private readonly registry: ApiRegistry,
    readonly prefix: string,
  ) {}

  /** Mounts the handlers on `app` (which is mounted at this scope's prefix) and records the doc. */
  route<E extends Env>(app: Hono<E>, doc: RouteDoc, ...handlers: (MiddlewareHandler<E> | Handler<E>)[]): void {
    this.registry.add({ ...doc, fullPath: this.prefix + (doc.path === '/' && this.prefix ? '' : doc.path) });
    const methods = Array.isArray(doc.method) ? doc.method : [doc.method];
    app.on(
      methods.map((m) => m.toUpperCase()),
      doc.path,
      ...(handlers as [Handler<E>]),
    );
  }
}
