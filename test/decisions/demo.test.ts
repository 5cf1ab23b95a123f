/**
 * The decisions demo (src/demo/decisions.ts): a bestuurseenheid with its demo users, two bodies,
 * two held meetings with every document published and one corrected document; seeding twice
 * changes nothing.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EENHEID, seedDecisionsDemo, type DecisionsDemo } from '../../src/demo/decisions.js';
import { createDecisionService } from '../../src/decisions/index.js';
import { listDemoUsers } from '../../src/identity/index.js';
import { makeTestApp } from '../support/app.js';
import { TEST_BASE } from '../support/tmp.js';
import { hasProfile, parsePage, tripleProblems, violations } from './harvest-support.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let first: DecisionsDemo;
const deps = () => ({ config: t.config, store: t.store, uris: t.uris, audit: t.audit, logger: pino({ level: 'silent' }) });
const RAAD = `/besluiten/${DEMO_EENHEID}/gemeenteraad/2025-06-23`;
const COLLEGE = `/besluiten/${DEMO_EENHEID}/college/2025-06-30`;

async function html(path: string): Promise<{ status: number; text: string }> {
  const res = await t.app.request(path, { headers: { accept: 'text/html' } });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  first = await seedDecisionsDemo(deps());
}, 120_000);
afterAll(() => t?.close());

describe('decisions demo', () => {
  it('creates the two meetings', () => {
    expect(first.created.map((z) => `${z.orgaan}/${z.slug}`).sort()).toEqual(['college/2025-06-30', 'gemeenteraad/2025-06-23']);
  });

  it('publishes every document kind of both meetings at its URL', async () => {
    for (const [zitting, punten, extra] of [[RAAD, 6, ['aanvullende-agenda']], [COLLEGE, 4, []]] as const) {
      const paths = [zitting, `${zitting}/agenda`, ...extra.map((k) => `${zitting}/${k}`), `${zitting}/besluitenlijst`, `${zitting}/notulen`, ...Array.from({ length: punten }, (_x, i) => `${zitting}/uittreksels/${i + 1}`)];
      for (const path of paths) {
        const page = await html(path);
        expect(page.status, path).toBe(200);
        if (path !== zitting) expect(tripleProblems(parsePage(TEST_BASE + path, page.text).triples), path).toEqual([]);
      }
    }
    expect((await html(`/besluiten/${DEMO_EENHEID}`)).status).toBe(200);
    expect((await html(`/besluiten/${DEMO_EENHEID}/college`)).status).toBe(200);
  });

  it('has the corrected besluitenlijst in two versions, the first one unchanged', async () => {
    const svc = createDecisionService(deps());
    const versions = await svc.repo.versions(t.uris.url(`${RAAD}/besluitenlijst`));
    expect(versions.map((v) => [v.number, v.publishedAt])).toEqual([[1, '2025-06-25T07:30:00Z'], [2, '2025-06-26T13:10:00Z']]);
    expect(versions[1]?.note).toMatch(/materiële vergissing/);
    expect((await html(`${RAAD}/besluitenlijst/versies/1`)).text).toContain('De Leimeersen');
    const latest = await html(`${RAAD}/besluitenlijst`);
    expect(latest.text).toContain('sporthal De Leiemeersen');
    expect(latest.text).not.toContain('De Leimeersen');
    for (const doc of ['agenda', 'aanvullende-agenda', 'notulen', 'uittreksels/3']) expect(await svc.repo.versions(t.uris.url(`${RAAD}/${doc}`)), doc).toHaveLength(1);
  });

  it('publishes the aanvullend agendapunt on the aanvullende agenda, after the agenda', async () => {
    const agenda = (await html(`${RAAD}/agenda`)).text;
    const aanvullend = (await html(`${RAAD}/aanvullende-agenda`)).text;
    const punt = 'een veilige fietsverbinding langs de Leiestraat';
    expect(agenda).toContain('Belastingreglement op tweede verblijven');
    expect(agenda).not.toContain(punt);
    expect(aanvullend).toContain(punt);
    expect(aanvullend).not.toContain('Belastingreglement op tweede verblijven');
  });

  it('reduces the non-public treatment in the notulen to its title and description', async () => {
    const notulen = (await html(`${RAAD}/notulen`)).text;
    expect(notulen).toContain('Voordracht van een kandidaat-bestuurder voor de raad van bestuur van de intercommunale Leiedal Energie');
    expect(notulen).not.toContain('Mevrouw Annelies Maes wordt voorgedragen');
    expect(notulen).toContain('De belasting bedraagt 750 euro per tweede verblijf.');
  });

  it('offers a demo user per role of the bestuurseenheid', async () => {
    const users = await listDemoUsers(t);
    const scope = t.uris.id('organisatie', DEMO_EENHEID).value;
    const roles = users.flatMap((u) => u.grants.filter((g) => g.scope === scope).map((g) => g.role)).sort();
    expect(roles).toEqual(['lezer', 'ondertekenaar', 'publiceerder', 'schrijver']);
  });

  it('changes nothing when seeded again', async () => {
    const before = await t.raw.count();
    const again = await seedDecisionsDemo(deps());
    expect(again.created).toEqual([]);
    expect(await t.raw.count()).toBe(before);
  });
});

describe.skipIf(!hasProfile)('decisions demo against the harvester SHACL profile (../shared/reference/lblod absent)', () => {
  it('has zero violations on the besluitenlijsten, notulen and uittreksels', async () => {
    const pages = [RAAD, COLLEGE].flatMap((z) => ['besluitenlijst', 'besluitenlijst/versies/1', 'notulen', 'uittreksels/1', 'uittreksels/5'].map((d) => `${z}/${d}`)).filter((p) => !p.startsWith(COLLEGE) || !p.endsWith('/5'));
    for (const path of pages) {
      const page = await html(path);
      expect(page.status, path).toBe(200);
      const { list } = await violations(parsePage(TEST_BASE + path, page.text).triples);
      expect(list, path).toEqual([]);
    }
  });
});
