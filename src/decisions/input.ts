/**
 * The JSON bodies of the decisions API, checked field by field (zod): every problem names its field
 * (`agendapunten.1.behandeling.stemmingen.0.aantalVoorstanders`) and nothing is written when one
 * fails. Ids of sub-resources are kept when given (so their IRIs stay the same) and minted otherwise.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../shared/errors.js';
import { AGENDAPUNT_TYPES, type Agendapunt, type Besluit, type Bestuursorgaan, type Stemming, type Zitting } from './model.js';

export interface Problem {
  field: string;
  message: string;
}

export const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const id = z.string().regex(ID, 'kleine letters, cijfers en koppeltekens (hoogstens 63)');
const text = (max: number) => z.string().trim().min(1, 'mag niet leeg zijn').max(max, `hoogstens ${max} tekens`);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const validDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const date = z.string().regex(DATE, 'een datum als 2026-01-15').refine(validDate, 'geen bestaande datum');
const dateTime = z
  .string()
  .regex(DATE_TIME, 'een tijdstip met tijdzone als 2026-01-15T19:00:00+01:00')
  .refine((s) => !Number.isNaN(new Date(s).getTime()), 'geen bestaand tijdstip');
/** A set of mandataris ids, kept sorted (RDF keeps no order). */
const ids = z.array(id).max(500).default([]).transform((l) => [...l].sort());

const orgaanSchema = z.strictObject({
  naam: text(500),
  classificatie: z.string(),
  perioden: z
    .array(
      z.strictObject({
        id: id,
        start: date,
        einde: date.optional(),
        mandatarissen: z.array(z.strictObject({ id: id.optional(), naam: text(500) })).max(500).default([]),
      }),
    )
    .min(1, 'minstens één bestuursperiode')
    .max(20),
});

const stemmingSchema = z.strictObject({
  id: id.optional(),
  onderwerp: text(2000),
  gevolg: text(2000),
  geheim: z.boolean().default(false),
  stemmers: ids,
  voorstanders: ids,
  tegenstanders: ids,
  onthouders: ids,
  aantalVoorstanders: z.number().int().min(0).optional(),
  aantalTegenstanders: z.number().int().min(0).optional(),
  aantalOnthouders: z.number().int().min(0).optional(),
});

const besluitSchema = z.strictObject({
  id: id.optional(),
  titel: text(1000),
  beschrijving: text(5000).optional(),
  citeeropschrift: text(500).optional(),
  /** IRI of the regulation (an earlier besluit) this decision replaces. */
  vervangt: z.string().max(2000).url('een http(s)-IRI').regex(/^https?:\/\/[^\s<>"{}|\\^`]+$/, 'een http(s)-IRI zonder spaties').optional(),
  motivering: text(100_000),
  type: z.string(),
  artikels: z.array(z.strictObject({ id: id.optional(), nummer: text(50), inhoud: text(100_000) })).max(500).default([]),
  /** Ids of attachments uploaded for the meeting (POST .../bijlagen). */
  bijlagen: z.array(id).max(100).optional(),
});

const zittingSchema = z.strictObject({
  orgaan: id,
  periode: id.optional(),
  geplandeStart: dateTime,
  gestart: dateTime.optional(),
  geeindigd: dateTime.optional(),
  voorzitter: id.optional(),
  secretaris: id.optional(),
  aanwezigen: ids,
  agendapunten: z
    .array(
      z.strictObject({
        id: id.optional(),
        titel: text(1000),
        beschrijving: text(5000).optional(),
        type: z.enum(AGENDAPUNT_TYPES).default('gepland'),
        geplandOpenbaar: z.boolean().default(true),
        behandeling: z
          .strictObject({
            id: id.optional(),
            openbaar: z.boolean().optional(),
            aanwezigen: z.array(id).max(500).transform((l) => [...l].sort()).optional(),
            besluit: besluitSchema.optional(),
            stemmingen: z.array(stemmingSchema).max(50).default([]),
          })
          .optional(),
      }),
    )
    .max(500),
});

export type ZittingInput = z.infer<typeof zittingSchema>;
export type OrgaanInput = z.infer<typeof orgaanSchema>;

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const problems: Problem[] = r.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  throw invalid(problems);
}

export function invalid(problems: Problem[]): AppError {
  const first = problems[0];
  return new AppError('validation_failed', `${problems.length} fout${problems.length === 1 ? '' : 'en'} in de invoer${first ? `: ${first.field}: ${first.message}` : ''}`, { problems });
}

export const parseOrgaanInput = (body: unknown): OrgaanInput => parse(orgaanSchema, body);
export const parseZittingInput = (body: unknown): ZittingInput => parse(zittingSchema, body);

const mint = (given: string | undefined) => given ?? randomUUID();

export function orgaanFromInput(eenheid: string, orgaanId: string, input: OrgaanInput): Bestuursorgaan {
  return {
    eenheid,
    id: orgaanId,
    naam: input.naam,
    classificatie: input.classificatie,
    perioden: input.perioden.map((p) => ({ ...p, mandatarissen: p.mandatarissen.map((m) => ({ id: mint(m.id), naam: m.naam })) })),
  };
}

/** A vote from its input: counts follow the named voters unless the vote was secret. */
function stemmingFrom(s: z.infer<typeof stemmingSchema>, aanwezigen: string[], field: string, problems: Problem[]): Stemming {
  const named = [...s.voorstanders, ...s.tegenstanders, ...s.onthouders];
  const count = (k: 'aantalVoorstanders' | 'aantalTegenstanders' | 'aantalOnthouders', list: string[]) => {
    const given = s[k];
    if (s.geheim) {
      if (given === undefined) problems.push({ field: `${field}.${k}`, message: 'verplicht bij een geheime stemming' });
      return given ?? 0;
    }
    if (given !== undefined && given !== list.length) problems.push({ field: `${field}.${k}`, message: `${given} komt niet overeen met de ${list.length} genoemde stemmers` });
    return list.length;
  };
  if (s.geheim && named.length) problems.push({ field: `${field}.voorstanders`, message: 'bij een geheime stemming wordt niet bekendgemaakt wie wat stemde' });
  if (new Set(named).size !== named.length) problems.push({ field: field, message: 'een mandataris stemt hoogstens één keer' });
  const stemmers = [...(s.stemmers.length ? s.stemmers : s.geheim ? aanwezigen : named)].sort();
  return {
    id: mint(s.id),
    onderwerp: s.onderwerp,
    gevolg: s.gevolg,
    geheim: s.geheim,
    stemmers,
    voorstanders: s.voorstanders,
    tegenstanders: s.tegenstanders,
    onthouders: s.onthouders,
    aantalVoorstanders: count('aantalVoorstanders', s.voorstanders),
    aantalTegenstanders: count('aantalTegenstanders', s.tegenstanders),
    aantalOnthouders: count('aantalOnthouders', s.onthouders),
  };
}

function besluitFrom(d: z.infer<typeof besluitSchema>): Besluit {
  const { bijlagen, ...rest } = d;
  const ids = [...new Set(bijlagen ?? [])].sort();
  return { ...rest, id: mint(d.id), artikels: d.artikels.map((x) => ({ ...x, id: mint(x.id) })), ...(ids.length ? { bijlagen: ids } : {}) };
}

/** The meeting from its input (ids minted where missing), plus the problems found on the way. */
export function zittingFromInput(base: Pick<Zitting, 'id' | 'eenheid' | 'slug' | 'periode'>, input: ZittingInput, problems: Problem[]): Zitting {
  const agendapunten: Agendapunt[] = input.agendapunten.map((a, i) => {
    const b = a.behandeling;
    const aanwezigen = b?.aanwezigen ?? input.aanwezigen;
    return {
      id: mint(a.id),
      titel: a.titel,
      ...(a.beschrijving ? { beschrijving: a.beschrijving } : {}),
      type: a.type,
      geplandOpenbaar: a.geplandOpenbaar,
      ...(b
        ? {
            behandeling: {
              id: mint(b.id),
              openbaar: b.openbaar ?? a.geplandOpenbaar,
              aanwezigen,
              ...(b.besluit ? { besluit: besluitFrom(b.besluit) } : {}),
              stemmingen: b.stemmingen.map((s, j) => stemmingFrom(s, aanwezigen, `agendapunten.${i}.behandeling.stemmingen.${j}`, problems)),
            },
          }
        : {}),
    };
  });
  return {
    ...base,
    orgaan: input.orgaan,
    geplandeStart: input.geplandeStart,
    ...(input.gestart ? { gestart: input.gestart } : {}),
    ...(input.geeindigd ? { geeindigd: input.geeindigd } : {}),
    ...(input.voorzitter ? { voorzitter: input.voorzitter } : {}),
    ...(input.secretaris ? { secretaris: input.secretaris } : {}),
    aanwezigen: input.aanwezigen,
    agendapunten,
  };
}

/** Every id must be unique within the meeting (they become IRIs). */
export function duplicateIds(zitting: Zitting): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const note = (v: string, field: string) => {
    if (seen.has(v)) problems.push({ field, message: `id ${v} komt meer dan eens voor` });
    seen.add(v);
  };
  zitting.agendapunten.forEach((a, i) => {
    note(a.id, `agendapunten.${i}.id`);
    const b = a.behandeling;
    if (!b) return;
    note(b.id, `agendapunten.${i}.behandeling.id`);
    if (b.besluit) {
      note(b.besluit.id, `agendapunten.${i}.behandeling.besluit.id`);
      b.besluit.artikels.forEach((x, k) => note(x.id, `agendapunten.${i}.behandeling.besluit.artikels.${k}.id`));
    }
    b.stemmingen.forEach((s, k) => note(s.id, `agendapunten.${i}.behandeling.stemmingen.${k}.id`));
  });
  return problems;
}
