import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOC, ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, baseUrl: 'http://localhost:8080', store: { kind: 'embedded' }, demo: false });
    expect(c.dataDir).toMatch(/var$/);
  });

  it('derives BASE_URL from PORT and strips a trailing slash', () => {
    expect(loadConfig({ PORT: '9000' }).baseUrl).toBe('http://localhost:9000');
    expect(loadConfig({ BASE_URL: 'https://stelsel.example.org/' }).baseUrl).toBe('https://stelsel.example.org');
  });

  it('turns demo on by default only when asked to', () => {
    expect(loadConfig({}, { demo: true }).demo).toBe(true);
    expect(loadConfig({ DEMO: 'false' }, { demo: true }).demo).toBe(false);
  });

  it('names every wrong variable with a clear message', () => {
    try {
      loadConfig({ PORT: 'eighty', STORE: 'mysql', BASE_URL: 'ftp://x', DEMO: 'maybe', ADMIN_TOKEN: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const v of ['PORT', 'STORE', 'BASE_URL', 'DEMO', 'ADMIN_TOKEN']) expect(msg).toContain(v);
    }
  });

  it('requires the remote endpoints with STORE=sparql', () => {
    expect(() => loadConfig({ STORE: 'sparql' })).toThrow(/SPARQL_QUERY_URL is required when STORE=sparql/);
    const c = loadConfig({ STORE: 'sparql', SPARQL_QUERY_URL: 'http://127.0.0.1:8890/sparql', SPARQL_UPDATE_URL: 'http://127.0.0.1:8890/sparql-auth', SPARQL_USER: 'u', SPARQL_PASSWORD: 'p' });
    expect(c.store).toEqual({ kind: 'sparql', queryUrl: 'http://127.0.0.1:8890/sparql', updateUrl: 'http://127.0.0.1:8890/sparql-auth', user: 'u', password: 'p' });
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [name] of CONFIG_DOC) expect(readme).toContain(`| ${name} |`);
  });
});
