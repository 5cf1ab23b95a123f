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

  describe('login (OIDC, sessions, rate limits)', () => {
    const OIDC = { OIDC_ISSUER: 'https://authenticatie.vlaanderen.be/op', OIDC_CLIENT_ID: 'stelsel', OIDC_CLIENT_SECRET: 's3cret' };
    const SECRET = 'x'.repeat(32);

    it('has no OIDC by default, 8 h sessions and 20 requests per minute', () => {
      const c = loadConfig({});
      expect(c.oidc).toBeUndefined();
      expect(c.session).toEqual({ secret: undefined, ttlSeconds: 28800 });
      expect(c.rateLimit).toEqual({ perMinute: 20, trustProxy: false });
    });

    it('fills in the OIDC defaults (redirect URI from BASE_URL, ACM/IDM scopes and claims)', () => {
      const c = loadConfig({ ...OIDC, SESSION_SECRET: SECRET, BASE_URL: 'https://stelsel.example.org' });
      expect(c.oidc).toEqual({
        issuer: 'https://authenticatie.vlaanderen.be/op',
        clientId: 'stelsel',
        clientSecret: 's3cret',
        redirectUri: 'https://stelsel.example.org/auth/callback',
        scopes: ['openid', 'profile', 'vo'],
        orgClaim: 'vo_orgcode',
        roleClaim: 'stelsel_rol_3d',
        postLogoutRedirectUri: undefined,
        platformOrgCode: undefined,
      });
      const custom = loadConfig({ ...OIDC, SESSION_SECRET: SECRET, OIDC_ROLE_CLAIM: 'dv_stelsel_rol_3d', OIDC_SCOPES: 'openid vo', OIDC_PLATFORM_ORGCODE: 'ovo000001' });
      expect(custom.oidc).toMatchObject({ roleClaim: 'dv_stelsel_rol_3d', scopes: ['openid', 'vo'], platformOrgCode: 'OVO000001' });
    });

    it('wants the OIDC variables all together or none', () => {
      expect(() => loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER, SESSION_SECRET: SECRET })).toThrow(/OIDC_CLIENT_ID is required when any OIDC_\* variable is set/);
      expect(() => loadConfig({ OIDC_ROLE_CLAIM: 'x_rol_3d', SESSION_SECRET: SECRET })).toThrow(/OIDC_ISSUER is required/);
      try {
        loadConfig({ OIDC_CLIENT_SECRET: 'x' });
        expect.unreachable();
      } catch (e) {
        for (const v of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'SESSION_SECRET']) expect((e as Error).message).toContain(v);
      }
    });

    it('needs SESSION_SECRET (32+ characters) with OIDC outside demo mode; demo mode generates one', () => {
      expect(() => loadConfig(OIDC)).toThrow(/SESSION_SECRET is required when OIDC login is configured/);
      expect(() => loadConfig({ ...OIDC, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32 characters/);
      expect(loadConfig({ ...OIDC, DEMO: 'true' }).session.secret).toBeUndefined();
    });

    it('refuses a plain-http issuer except on this machine, and bad claim names, scopes and limits', () => {
      expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'http://idp.example.org', SESSION_SECRET: SECRET })).toThrow(/OIDC_ISSUER must be an https URL/);
      expect(loadConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:9000', SESSION_SECRET: SECRET }).oidc?.issuer).toBe('http://127.0.0.1:9000');
      const bad = { OIDC_ORG_CLAIM: 'vo orgcode', OIDC_SCOPES: 'profile vo', SESSION_TTL_SECONDS: '5', RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: 'maybe' };
      try {
        loadConfig({ ...OIDC, SESSION_SECRET: SECRET, ...bad });
        expect.unreachable();
      } catch (e) {
        for (const v of Object.keys(bad)) expect((e as Error).message).toContain(v);
      }
    });
  });

  it('SRU_INDEX_COPY: on by default, off with false', () => {
    expect(loadConfig({ BASE_URL: 'http://localhost:3000' }).sruIndexCopy).toBe(true);
    expect(loadConfig({ BASE_URL: 'http://localhost:3000', SRU_INDEX_COPY: 'false' }).sruIndexCopy).toBe(false);
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [name] of CONFIG_DOC) expect(readme).toContain(`| ${name} |`);
  });
});
