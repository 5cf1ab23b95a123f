/** @jsxImportSource hono/jsx */
/**
 * The web editor (/beheer/besluiten/{eenheid}): plain forms over the same service as the API, so
 * the same rights, checks and audit apply. CSRF is checked site-wide (src/shared/http/csrf.ts).
 */
import type { Context, Hono } from 'hono';
import { authorize, can } from '../shared/auth/policy.js';
import { AppError } from '../shared/errors.js';
import type { AppEnv } from '../shared/http/context.js';
import type { ApiScope, RouteDoc } from '../shared/http/openapi.js';
import { ctxOf } from './api-routes.js';
import { FORM_OVERHEAD_BYTES } from './attachment-paths.js';
import { tooLarge } from './attachment-files.js';
import type { AttachmentService } from './attachment-service.js';
import { invalid } from './input.js';
import type { Behandeling, Zitting } from './model.js';
import { zittingPath } from './paths.js';
import { PUBLISH_KINDS, type PublishKind } from './publish.js';
import type { DecisionService } from './service.js';
import { BehandelingPage, DraftPage, DraftsPage, EDITOR_PATH, editorZittingPath, type BehandelingForm } from './views/editor.js';

const E = ':eenheid{[a-z0-9][a-z0-9-]*}';
const ID = ':id{[a-z0-9][a-z0-9-]*}';
const N = ':n{[1-9][0-9]*}';
const B = ':bijlage{[a-z0-9][a-z0-9-]*}';

type FormValues = Record<string, string | File | (string | File)[]>;

/** The form of a treatment from the draft (the agendapunt's planned openness and the meeting's attendance when new). */
export function behandelingForm(z: Zitting, n: number, b: Behandeling | undefined): BehandelingForm {
  const a = z.agendapunten[n - 1];
  const d = b?.besluit;
  return {
    ...(b ? { id: b.id } : {}),
    openbaar: b?.openbaar ?? a?.geplandOpenbaar ?? true,
    aanwezigen: b?.aanwezigen ?? z.aanwezigen,
    besluit: {
      ...(d ? { id: d.id } : {}),
      titel: d?.titel ?? '',
      beschrijving: d?.beschrijving ?? '',
      citeeropschrift: d?.citeeropschrift ?? '',
      vervangt: d?.vervangt ?? '',
      motivering: d?.motivering ?? '',
      type: d?.type ?? '',
      artikels: d?.artikels.map((x) => ({ id: x.id, nummer: x.nummer, inhoud: x.inhoud })) ?? [],
      bijlagen: d?.bijlagen ?? [],
    },
    stemmingen: (b?.stemmingen ?? []).map((s) => ({
      id: s.id,
      onderwerp: s.onderwerp,
      gevolg: s.gevolg,
      geheim: s.geheim,
      stemmen: Object.fromEntries([...s.voorstanders.map((m) => [m, 'voor']), ...s.tegenstanders.map((m) => [m, 'tegen']), ...s.onthouders.map((m) => [m, 'onthouding'])]),
      aantalVoorstanders: s.geheim ? String(s.aantalVoorstanders) : '',
      aantalTegenstanders: s.geheim ? String(s.aantalTegenstanders) : '',
      aantalOnthouders: s.geheim ? String(s.aantalOnthouders) : '',
    })),
  };
}

/** The submitted treatment form (rows left empty are dropped). */
export function behandelingFromForm(f: FormValues, mandatarissen: readonly string[]): BehandelingForm {
  const one = (k: string) => {
    const v = f[k];
    return typeof v === 'string' ? v : '';
  };
  const all = (k: string) => [f[k] ?? []].flat().filter((v): v is string => typeof v === 'string');
  const ids = (prefix: string) => [...new Set(Object.keys(f).flatMap((k) => (k.startsWith(prefix) ? [Number(k.slice(prefix.length).split('.')[0])] : [])))].filter((i) => Number.isInteger(i) && i >= 0 && i < 500).sort((a, b) => a - b);
  const withId = (id: string) => (id ? { id } : {});
  return {
    ...withId(one('id')),
    openbaar: one('openbaar') === 'true',
    aanwezigen: all('aanwezigen'),
    besluit: {
      ...withId(one('besluit.id')),
      titel: one('besluit.titel'),
      beschrijving: one('besluit.beschrijving'),
      citeeropschrift: one('besluit.citeeropschrift'),
      vervangt: one('besluit.vervangt'),
      motivering: one('besluit.motivering'),
      type: one('besluit.type'),
      artikels: ids('artikel.')
        .map((k) => ({ ...withId(one(`artikel.${k}.id`)), nummer: one(`artikel.${k}.nummer`), inhoud: one(`artikel.${k}.inhoud`) }))
        .filter((x) => x.nummer.trim() || x.inhoud.trim()),
      bijlagen: all('bijlagen'),
    },
    stemmingen: ids('stemming.')
      .map((j) => ({
        ...withId(one(`stemming.${j}.id`)),
        onderwerp: one(`stemming.${j}.onderwerp`),
        gevolg: one(`stemming.${j}.gevolg`),
        geheim: one(`stemming.${j}.geheim`) === 'true',
        stemmen: Object.fromEntries(mandatarissen.flatMap((m) => (one(`stemming.${j}.stem.${m}`) ? [[m, one(`stemming.${j}.stem.${m}`)]] : []))),
        aantalVoorstanders: one(`stemming.${j}.aantalVoorstanders`),
        aantalTegenstanders: one(`stemming.${j}.aantalTegenstanders`),
        aantalOnthouders: one(`stemming.${j}.aantalOnthouders`),
      }))
      .filter((s) => s.onderwerp.trim() || s.gevolg.trim() || Object.keys(s.stemmen).length || s.aantalVoorstanders || s.aantalTegenstanders || s.aantalOnthouders),
  };
}

/** The treatment as the API takes it; a decision only when any of its fields was filled in. */
export function behandelingInput(b: BehandelingForm): Record<string, unknown> {
  const d = b.besluit;
  const opt = (k: string, v: string) => (v.trim() ? { [k]: v } : {});
  const count = (v: string) => (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v);
  const hasBesluit = [d.titel, d.beschrijving, d.citeeropschrift, d.vervangt, d.motivering].some((v) => v.trim()) || d.artikels.length > 0 || d.bijlagen.length > 0;
  return {
    ...(b.id ? { id: b.id } : {}),
    openbaar: b.openbaar,
    aanwezigen: b.aanwezigen,
    ...(hasBesluit
      ? {
          besluit: {
            ...(d.id ? { id: d.id } : {}),
            titel: d.titel,
            ...opt('beschrijving', d.beschrijving),
            ...opt('citeeropschrift', d.citeeropschrift),
            ...opt('vervangt', d.vervangt),
            motivering: d.motivering,
            type: d.type,
            artikels: d.artikels,
            ...(d.bijlagen.length ? { bijlagen: d.bijlagen } : {}),
          },
        }
      : {}),
    stemmingen: b.stemmingen.map((s) => {
      const who = (v: string) => Object.keys(s.stemmen).filter((m) => s.stemmen[m] === v);
      const counts = { aantalVoorstanders: count(s.aantalVoorstanders), aantalTegenstanders: count(s.aantalTegenstanders), aantalOnthouders: count(s.aantalOnthouders) };
      return {
        ...(s.id ? { id: s.id } : {}),
        onderwerp: s.onderwerp,
        gevolg: s.gevolg,
        geheim: s.geheim,
        voorstanders: who('voor'),
        tegenstanders: who('tegen'),
        onthouders: who('onthouding'),
        ...Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== undefined)),
      };
    }),
  };
}

/** What the form itself can tell: counts that are not whole numbers. */
export function formProblems(b: BehandelingForm): Map<string, string[]> {
  const out = new Map<string, string[]>();
  b.stemmingen.forEach((s, j) => {
    for (const k of ['aantalVoorstanders', 'aantalTegenstanders', 'aantalOnthouders'] as const) {
      if (s[k].trim() && !/^\d{1,6}$/.test(s[k].trim())) out.set(`stemmingen.${j}.${k}`, ['een geheel getal (0 of meer)']);
    }
  });
  return out;
}

/** Problems of a refused save, by field path within the treatment of agendapunt n ('' = elsewhere). */
export function problemsByField(e: unknown, n: number): Map<string, string[]> | null {
  if (!(e instanceof AppError) || e.code !== 'validation_failed') return null;
  const problems = (e.details as { problems?: { field: string; message: string }[] } | undefined)?.problems ?? [{ field: '', message: e.message }];
  const prefix = `agendapunten.${n - 1}.behandeling.`;
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const key = p.field.startsWith(prefix) ? p.field.slice(prefix.length) : '';
    out.set(key, [...(out.get(key) ?? []), key ? p.message : `${p.field}: ${p.message}`]);
  }
  return out;
}

/** The meeting as the API takes it (ids kept, so IRIs stay). */
export function toInput(z: Zitting): Record<string, unknown> {
  const { id: _id, eenheid: _e, slug: _s, ...rest } = z;
  return rest;
}

/** A local Brussels time from a datetime-local field (YYYY-MM-DDTHH:MM[:SS]) as xsd:dateTime with offset. */
export function brusselsDateTime(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!m) throw new AppError('bad_request', `geplandeStart: een datum en tijd, niet ${JSON.stringify(local.slice(0, 40))}`);
  const naive = `${m[1]}T${m[2]}${m[3] ?? ':00'}`;
  const asUtc = new Date(`${naive}Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(asUtc);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((x) => x.type === t)?.value ?? 0);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const minutes = Math.round((shown - asUtc.getTime()) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${naive}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function decisionEditor(app: Hono<AppEnv>, svc: DecisionService, api: ApiScope, attachments?: AttachmentService): void {
  const doc = (method: 'get' | 'post', path: string, summary: string): RouteDoc => ({ method, path, summary, tags: ['Besluiten (LBLOD)'], security: 'session', responses: { '200': { description: 'HTML' }, '303': { description: 'Done: back to the page' } } });
  const p = (c: Context<AppEnv>, n: string) => c.req.param(n) ?? '';
  const platform = svc.iris.uris.platform.value;
  const may = (c: Context<AppEnv>, action: 'decisions.edit' | 'decisions.publish' | 'decisions.sign', eenheid: string) => can(c.get('actor'), action, svc.iris.eenheid(eenheid).value, platform);
  const form = async (c: Context<AppEnv>) => {
    const f = await c.req.parseBody();
    return (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  };
  const version = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

  api.route(app, doc('get', `${EDITOR_PATH}/${E}`, 'Draft meetings of a bestuurseenheid'), async (c) => {
    const eenheid = await svc.eenheid(p(c, 'eenheid'));
    const drafts = await svc.zittingen(c.get('actor'), eenheid.slug);
    return c.html(<DraftsPage eenheid={eenheid} drafts={drafts} organen={await svc.repo.organen(eenheid.slug)} canEdit={may(c, 'decisions.edit', eenheid.slug)} />);
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen`, 'Start a draft meeting'), async (c) => {
    const get = await form(c);
    const created = await svc.createZitting(ctxOf(c), p(c, 'eenheid'), { orgaan: get('orgaan') ?? '', geplandeStart: brusselsDateTime(get('geplandeStart') ?? ''), agendapunten: [] });
    return c.redirect(editorZittingPath(created.zitting.eenheid, created.zitting.id), 303);
  });

  api.route(app, doc('get', `${EDITOR_PATH}/${E}/zittingen/${ID}`, 'One draft meeting'), async (c) => {
    const eenheid = await svc.eenheid(p(c, 'eenheid'));
    const { zitting: z, version: v } = await svc.zitting(c.get('actor'), eenheid.slug, p(c, 'id'));
    return c.html(
      <DraftPage
        eenheidNaam={eenheid.naam}
        z={z}
        version={v}
        json={JSON.stringify(toInput(z), null, 2)}
        lists={svc.lists}
        canEdit={may(c, 'decisions.edit', eenheid.slug)}
        canPublish={may(c, 'decisions.publish', eenheid.slug)}
        publicPath={zittingPath(z.eenheid, z.orgaan, z.slug)}
        bijlagen={await svc.bijlagen(c.get('actor'), eenheid.slug, z.id)}
        handtekeningen={await svc.signatures(c.get('actor'), eenheid.slug, z.id)}
        canSign={may(c, 'decisions.sign', eenheid.slug)}
      />,
    );
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/agendapunten`, 'Add an agendapunt'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const get = await form(c);
    const { zitting: z } = await svc.zitting(c.get('actor'), eenheid, p(c, 'id'));
    const input = toInput(z) as { agendapunten: unknown[] };
    input.agendapunten.push({ titel: get('titel') ?? '', ...(get('beschrijving')?.trim() ? { beschrijving: get('beschrijving') } : {}), type: get('type') ?? 'gepland', geplandOpenbaar: get('geplandOpenbaar') === 'true' });
    await svc.updateZitting(ctxOf(c), eenheid, z.id, input, version(get('version')));
    return c.redirect(editorZittingPath(eenheid, z.id), 303);
  });

  const behandelingPage = async (c: Context<AppEnv>, submitted?: { form: BehandelingForm; errors: Map<string, string[]>; version: number }) => {
    const eenheid = p(c, 'eenheid');
    const n = Number(p(c, 'n'));
    const { zitting: z, version: v } = await svc.zitting(c.get('actor'), eenheid, p(c, 'id'));
    authorize(c.get('actor'), 'decisions.edit', svc.iris.eenheid(eenheid).value, platform);
    const a = z.agendapunten[n - 1];
    if (!a) throw new AppError('not_found', `Agendapunt ${n} was not found`);
    const { orgaan } = await svc.orgaan(eenheid, z.orgaan);
    const mandatarissen = orgaan.perioden.find((x) => x.id === z.periode)?.mandatarissen ?? [];
    const bijlagen = await svc.bijlagen(c.get('actor'), eenheid, z.id);
    return c.html(
      <BehandelingPage
        z={z}
        n={n}
        version={submitted?.version ?? v}
        form={submitted?.form ?? behandelingForm(z, n, a.behandeling)}
        mandatarissen={mandatarissen}
        bijlagen={bijlagen}
        lists={svc.lists}
        errors={submitted?.errors ?? new Map()}
      />,
      submitted ? 422 : 200,
    );
  };

  api.route(app, doc('get', `${EDITOR_PATH}/${E}/zittingen/${ID}/agendapunten/${N}/behandeling`, 'The treatment of an agendapunt: attendance, decision with artikels and attachments, votes'), (c) => behandelingPage(c));

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/agendapunten/${N}/behandeling`, 'Save the treatment of an agendapunt (refused: the form again, with a message per field)'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const n = Number(p(c, 'n'));
    const { zitting: z } = await svc.zitting(c.get('actor'), eenheid, p(c, 'id'));
    const a = z.agendapunten[n - 1];
    if (!a) throw new AppError('not_found', `Agendapunt ${n} was not found`);
    const { orgaan } = await svc.orgaan(eenheid, z.orgaan);
    const ids = (orgaan.perioden.find((x) => x.id === z.periode)?.mandatarissen ?? []).map((m) => m.id);
    const fields = (await c.req.parseBody({ all: true })) as FormValues;
    const form = behandelingFromForm(fields, ids);
    const input = toInput(z) as { agendapunten: Record<string, unknown>[] };
    input.agendapunten[n - 1] = { ...input.agendapunten[n - 1], behandeling: behandelingInput(form) };
    const sent = typeof fields.version === 'string' ? version(fields.version) : undefined;
    const own = formProblems(form);
    if (own.size) return behandelingPage(c, { form, errors: own, version: sent ?? 0 });
    try {
      await svc.updateZitting(ctxOf(c), eenheid, z.id, input, sent);
    } catch (e) {
      const errors = problemsByField(e, n);
      if (!errors) throw e;
      return behandelingPage(c, { form, errors, version: sent ?? 0 });
    }
    return c.redirect(editorZittingPath(eenheid, z.id), 303);
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/bewerken`, 'Replace a draft meeting (JSON as the API takes it)'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const get = await form(c);
    let body: unknown;
    try {
      body = JSON.parse(get('json') ?? '');
    } catch (e) {
      throw new AppError('bad_request', `json: geen geldige JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    await svc.updateZitting(ctxOf(c), eenheid, p(c, 'id'), body, version(get('version')));
    return c.redirect(editorZittingPath(eenheid, p(c, 'id')), 303);
  });

  if (attachments) {
    api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/bijlagen`, 'Upload a PDF attachment (multipart/form-data, field bestand)'), async (c) => {
      const eenheid = p(c, 'eenheid');
      const id = p(c, 'id');
      // The whole form is read at once: only with a Content-Length, and only when it cannot be much larger than a file may be.
      await svc.zitting(c.get('actor'), eenheid, id);
      authorize(c.get('actor'), 'decisions.edit', svc.iris.eenheid(eenheid).value, platform);
      const max = attachments.maxBytes;
      const length = c.req.header('content-length');
      if (!length || !/^\d+$/.test(length)) throw new AppError('bad_request', 'Stuur het formulier met een Content-Length');
      if (Number(length) > max + FORM_OVERHEAD_BYTES) throw tooLarge(max);
      const fields = await c.req.parseBody();
      const file = fields.bestand;
      if (!(file instanceof File)) throw invalid([{ field: 'bestand', message: 'kies een PDF-bestand' }]);
      await attachments.upload(ctxOf(c), eenheid, id, { bestandsnaam: file.name, contentType: file.type || 'application/pdf', contentLength: String(file.size), body: file.stream() });
      return c.redirect(editorZittingPath(eenheid, id), 303);
    });

    api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/bijlagen/${B}/verwijderen`, 'Remove an attachment no decision refers to'), async (c) => {
      const eenheid = p(c, 'eenheid');
      const id = p(c, 'id');
      await attachments.remove(ctxOf(c), eenheid, id, p(c, 'bijlage'));
      return c.redirect(editorZittingPath(eenheid, id), 303);
    });
  }

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/ondertekenen`, 'Sign a document of the meeting (ondertekenaar)'), async (c) => {
    const eenheid = p(c, 'eenheid');
    await svc.sign(ctxOf(c), eenheid, p(c, 'id'), (await form(c))('document'));
    return c.redirect(editorZittingPath(eenheid, p(c, 'id')), 303);
  });

  api.route(app, doc('post', `${EDITOR_PATH}/${E}/zittingen/${ID}/publiceren`, 'Publish a document of a meeting'), async (c) => {
    const eenheid = p(c, 'eenheid');
    const soort = (await form(c))('soort') ?? '';
    if (!(PUBLISH_KINDS as readonly string[]).includes(soort)) throw new AppError('bad_request', `soort: een van ${PUBLISH_KINDS.join(', ')}`);
    await svc.publish(ctxOf(c), eenheid, p(c, 'id'), soort as PublishKind);
    return c.redirect(editorZittingPath(eenheid, p(c, 'id')), 303);
  });

}
