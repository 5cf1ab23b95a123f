/**
 * Demo data of the decisions register, written through the services as the system actor (so it
 * passes every rule, is validated and audited): the fictional Gemeente Zonnebeek-aan-Leie with
 * its demo users (lezer, schrijver, publiceerder, ondertekenaar), a gemeenteraad and a college van
 * burgemeester en schepenen with their mandatarissen, and one held meeting of each with every
 * document published. The besluitenlijst of the gemeenteraad was corrected after publication,
 * so it has two versions.
 *
 * Publication times are those of a real calendar (agenda before the meeting, notulen after their
 * approval): the service gets a clock that the script sets before each step. Everything that
 * exists already is left alone, so seeding again changes nothing.
 */
import type { AuditContext } from '../shared/audit/audit-log.js';
import { systemActor } from '../shared/auth/actor.js';
import type { Role } from '../shared/auth/roles.js';
import type { CoreDeps } from '../shared/http/context.js';
import { sparql } from '../shared/rdf/encode.js';
import { literal, quad } from '../shared/rdf/factory.js';
import { BESTUURSEENHEID_CLASSIFICATIE, FOAF, RDF_, STELSEL } from '../shared/rdf/vocab.js';
import { createDecisionService, type DecisionService, type PublishKind } from '../decisions/index.js';
import { createIdentityServices } from '../identity/index.js';

export const DEMO_EENHEID = 'gemeente-zonnebeek-aan-leie';
const NAAM = 'Gemeente Zonnebeek-aan-Leie';
const GEMEENTE = '5ab0e9b8a3b2ca7c5e000001';
const ROLES: Role[] = ['lezer', 'schrijver', 'publiceerder', 'ondertekenaar'];

export interface DecisionsDemo {
  eenheid: string;
  /** Meetings created by this run (empty when everything existed). */
  created: { id: string; orgaan: string; slug: string }[];
}

export async function seedDecisionsDemo(deps: CoreDeps): Promise<DecisionsDemo> {
  const ctx: AuditContext = { actor: systemActor(deps.uris), requestId: 'startup' };
  await ensureOrganisation(deps, ctx);
  await ensureUsers(deps, ctx);
  let clock = new Date();
  const svc = createDecisionService(deps, () => clock);
  const created: DecisionsDemo['created'] = [];
  for (const script of [GEMEENTERAAD, COLLEGE]) {
    if (!(await svc.repo.orgaan(DEMO_EENHEID, script.orgaan.id))) {
      const { id, ...body } = script.orgaan;
      await svc.putOrgaan(ctx, DEMO_EENHEID, id, body);
    }
    const existing = await svc.repo.drafts(DEMO_EENHEID);
    if (existing.some((d) => d.orgaan === script.orgaan.id && d.slug === script.slug)) continue;
    created.push(await runMeeting(svc, ctx, script, (at) => (clock = new Date(at))));
  }
  return { eenheid: DEMO_EENHEID, created };
}

/** Plans the meeting, publishes its agenda, records it as held and publishes the rest, in calendar order. */
async function runMeeting(svc: DecisionService, ctx: AuditContext, s: MeetingScript, at: (iso: string) => void) {
  const publish = async (when: string, kinds: PublishKind[], note?: string) => {
    at(when);
    for (const kind of kinds) await svc.publish(ctx, DEMO_EENHEID, zitting.id, kind, note);
  };
  at(s.agenda);
  const { zitting } = await svc.createZitting(ctx, DEMO_EENHEID, s.planned);
  await publish(s.agenda, ['agenda']);
  if (s.aanvullend) {
    at(s.aanvullend.at);
    await svc.updateZitting(ctx, DEMO_EENHEID, zitting.id, s.aanvullend.announced);
    await publish(s.aanvullend.at, ['aanvullende-agenda']);
  }
  at(s.besluitenlijst);
  await svc.updateZitting(ctx, DEMO_EENHEID, zitting.id, s.held);
  await publish(s.besluitenlijst, ['besluitenlijst']);
  if (s.correction) {
    at(s.correction.at);
    await svc.updateZitting(ctx, DEMO_EENHEID, zitting.id, s.correction.held);
    await publish(s.correction.at, ['besluitenlijst'], s.correction.note);
  }
  await publish(s.notulen, ['notulen', 'uittreksels']);
  return { id: zitting.id, orgaan: zitting.orgaan, slug: zitting.slug };
}

async function ensureOrganisation(deps: CoreDeps, ctx: AuditContext): Promise<void> {
  const { organisations } = createIdentityServices(deps);
  if (await organisations.repo.get(DEMO_EENHEID)) return;
  await organisations.create(ctx, { slug: DEMO_EENHEID, name: NAAM, classification: BESTUURSEENHEID_CLASSIFICATIE(GEMEENTE).value });
}

const demoUser = (role: Role) => `demo-zonnebeek-${role}`;

/** One demo user per role of the bestuurseenheid (shown on the demo login page), with the role granted there. */
async function ensureUsers(deps: CoreDeps, ctx: AuditContext): Promise<void> {
  const { grants } = createIdentityServices(deps);
  const ig = deps.uris.identityGraph;
  for (const role of ROLES) {
    const user = deps.uris.id('gebruiker', demoUser(role));
    if (await deps.store.ask(sparql`ASK { GRAPH ${ig} { ${user} a ${STELSEL.User} } }`)) continue;
    const label = `${role.charAt(0).toUpperCase()}${role.slice(1)}`;
    await deps.audit.write(
      ctx,
      { action: 'demo.seed', resource: user, scope: deps.uris.id('organisatie', DEMO_EENHEID), detail: `demo user ${demoUser(role)}` },
      {
        insert: [
          quad(user, RDF_.type, FOAF.Person, ig),
          quad(user, RDF_.type, STELSEL.User, ig),
          quad(user, RDF_.type, STELSEL.DemoUser, ig),
          quad(user, FOAF.name, literal(`Demo ${label} (${NAAM})`), ig),
        ],
        precondition: { ask: sparql`ASK { GRAPH ${ig} { ${user} a ${STELSEL.User} } }`, expect: false, message: `${demoUser(role)} exists already` },
      },
    );
  }
  const granted = new Set((await grants.list(ctx.actor, DEMO_EENHEID)).map((g) => `${g.user} ${g.role}`));
  for (const role of ROLES) {
    const user = deps.uris.id('gebruiker', demoUser(role)).value;
    if (!granted.has(`${user} ${role}`)) await grants.create(ctx, DEMO_EENHEID, { user, role });
  }
}

// ------------------------------------------------------------------ the demo's content

interface Stem {
  onderwerp: string;
  gevolg: string;
  voor?: string[];
  tegen?: string[];
  onthouden?: string[];
  /** A secret vote: counts only. */
  geheim?: { stemmers: string[]; voor: number; tegen: number; onthouden: number };
}

interface Punt {
  id: string;
  titel: string;
  beschrijving: string;
  type?: 'gepland' | 'aanvullend';
  openbaar?: boolean;
  besluit?: { titel: string; beschrijving: string; type: string; motivering: string; artikels: string[] };
  stemming: Stem;
}

interface MeetingScript {
  orgaan: { id: string; naam: string; classificatie: string; perioden: { id: string; start: string; einde: string; mandatarissen: { id: string; naam: string }[] }[] };
  slug: string;
  /** The agenda as first published: the gepland agendapunten. */
  planned: unknown;
  held: unknown;
  /** Aanvullende agendapunten added after the agenda, published as the aanvullende agenda. */
  aanvullend?: { at: string; announced: unknown };
  /** Publication times (UTC) of the agenda, the besluitenlijst, and the notulen with the uittreksels. */
  agenda: string;
  besluitenlijst: string;
  notulen: string;
  correction?: { at: string; held: unknown; note: string };
}

const mandatarissen = (prefix: string, names: string[], directeur: string) => [
  ...names.map((naam, i) => ({ id: `${prefix}-${String(i + 1).padStart(2, '0')}`, naam })),
  { id: `${prefix}-ad`, naam: directeur },
];

function meeting(orgaan: string, m: { start: string; gestart: string; geeindigd: string; voorzitter: string; secretaris: string; aanwezigen: string[] }, punten: Punt[]) {
  const announced = {
    orgaan,
    geplandeStart: m.start,
    agendapunten: punten.map((p) => ({ id: p.id, titel: p.titel, beschrijving: p.beschrijving, type: p.type ?? 'gepland', geplandOpenbaar: p.openbaar ?? true })),
  };
  const planned = { ...announced, agendapunten: announced.agendapunten.filter((a) => a.type === 'gepland') };
  const held = {
    ...announced,
    gestart: m.gestart,
    geeindigd: m.geeindigd,
    voorzitter: m.voorzitter,
    secretaris: m.secretaris,
    aanwezigen: m.aanwezigen,
    agendapunten: punten.map((p, i) => ({
      ...announced.agendapunten[i],
      behandeling: {
        id: `${p.id}-bh`,
        openbaar: p.openbaar ?? true,
        ...(p.besluit
          ? { besluit: { id: `${p.id}-b`, titel: p.besluit.titel, beschrijving: p.besluit.beschrijving, motivering: p.besluit.motivering, type: p.besluit.type, artikels: p.besluit.artikels.map((inhoud, k) => ({ id: `${p.id}-a${k + 1}`, nummer: String(k + 1), inhoud })) } }
          : {}),
        stemmingen: [
          p.stemming.geheim
            ? { id: `${p.id}-s`, onderwerp: p.stemming.onderwerp, gevolg: p.stemming.gevolg, geheim: true, stemmers: p.stemming.geheim.stemmers, aantalVoorstanders: p.stemming.geheim.voor, aantalTegenstanders: p.stemming.geheim.tegen, aantalOnthouders: p.stemming.geheim.onthouden }
            : { id: `${p.id}-s`, onderwerp: p.stemming.onderwerp, gevolg: p.stemming.gevolg, voorstanders: p.stemming.voor ?? [], tegenstanders: p.stemming.tegen ?? [], onthouders: p.stemming.onthouden ?? [] },
        ],
      },
    })),
  };
  return { planned, announced, held };
}

const PERIODE = { id: '2025-2030', start: '2025-01-01', einde: '2030-12-31' };
const DLB = 'het decreet over het lokaal bestuur van 22 december 2017';

// Gemeenteraad: a coalition of eleven, an opposition of six; the algemeen directeur is secretaris.
const RAAD = mandatarissen('zal-gr', [
  'Griet Vandenberghe', 'Koen Desmet', 'Lieve Verhaeghe', 'Pieter Declercq', 'Sofie Van Damme', 'Wouter Lambrecht', 'Annelies Maes',
  'Bart Dewulf', 'Nathalie Goethals', 'Jeroen Vanneste', 'Hilde Coppens',
  'Stijn De Vos', 'Fatima El Idrissi', 'Dirk Vercruysse', 'Evelien Mortier', 'Tom Verstraete', 'Ines Demeyere',
], 'Marc Van Hoorebeke');
const raadsleden = RAAD.slice(0, 17).map((x) => x.id);
const meerderheid = raadsleden.slice(0, 11);
// Ines Demeyere (the last) was verontschuldigd.
const oppositie = raadsleden.slice(11, 16);
const aanwezigeRaadsleden = [...meerderheid, ...oppositie];

function raadPunten(sporthal: string): Punt[] {
  return [
    {
      id: 'zal-gr-250623-1',
      titel: 'Goedkeuring van de notulen en het zittingsverslag van de gemeenteraad van 26 mei 2025',
      beschrijving: 'De gemeenteraad keurt de notulen en het zittingsverslag van zijn vorige zitting goed.',
      besluit: { titel: 'Goedkeuring van de notulen en het zittingsverslag van 26 mei 2025', beschrijving: 'De notulen en het zittingsverslag worden goedgekeurd.', type: 'andere', motivering: `Juridische grond: artikel 32 en 277 van ${DLB}. Er werden geen opmerkingen ingediend.`, artikels: ['De notulen en het zittingsverslag van de gemeenteraad van 26 mei 2025 worden goedgekeurd.'] },
      stemming: { onderwerp: 'Goedkeuring van de notulen en het zittingsverslag', gevolg: 'Eenparig goedgekeurd', voor: aanwezigeRaadsleden },
    },
    {
      id: 'zal-gr-250623-2',
      titel: 'Belastingreglement op tweede verblijven, aanslagjaren 2026 tot en met 2031',
      beschrijving: 'Vaststelling van een belasting op tweede verblijven voor de duur van het meerjarenplan.',
      besluit: {
        titel: 'Belastingreglement op tweede verblijven, aanslagjaren 2026 tot en met 2031',
        beschrijving: 'Een jaarlijkse belasting van 750 euro per tweede verblijf.',
        type: 'belastingreglement',
        motivering: `Juridische grond: artikel 170, § 4 van de Grondwet; artikel 40 en 41 van ${DLB}; het decreet van 30 mei 2008 betreffende de vestiging, de invordering en de geschillenprocedure van provincie- en gemeentebelastingen. Motivering: de gemeente wil de betaalbaarheid van wonen voor de eigen inwoners vrijwaren en de lasten van tweede verblijven billijk verdelen.`,
        artikels: [
          'Voor de aanslagjaren 2026 tot en met 2031 wordt een jaarlijkse belasting gevestigd op de tweede verblijven gelegen op het grondgebied van de gemeente.',
          'De belasting bedraagt 750 euro per tweede verblijf.',
          'De belasting is verschuldigd door wie op 1 januari van het aanslagjaar eigenaar is van het tweede verblijf.',
          'Dit reglement treedt in werking op 1 januari 2026.',
        ],
      },
      stemming: { onderwerp: 'Vaststelling van het belastingreglement op tweede verblijven', gevolg: 'Goedgekeurd', voor: meerderheid, tegen: oppositie },
    },
    {
      id: 'zal-gr-250623-3',
      titel: 'Retributiereglement voor het gebruik van sporthal De Leiemeersen',
      beschrijving: 'Nieuwe tarieven voor verenigingen, scholen en particulieren vanaf 1 september 2025.',
      besluit: {
        titel: `Retributiereglement voor het gebruik van sporthal ${sporthal}`,
        beschrijving: 'Tarieven per uur voor de sportzaal en de polyvalente zaal.',
        type: 'retributiereglement',
        motivering: `Juridische grond: artikel 40, § 3 en artikel 41, 14° van ${DLB}. Motivering: de tarieven dateren van 2014 en dekken de stijgende energiekosten niet langer.`,
        artikels: [
          'Voor het gebruik van de sportzaal wordt een retributie geheven van 12 euro per uur voor erkende verenigingen en scholen en 24 euro per uur voor anderen.',
          'Voor het gebruik van de polyvalente zaal bedraagt de retributie 8 euro per uur voor erkende verenigingen en 16 euro per uur voor anderen.',
          'Dit reglement treedt in werking op 1 september 2025 en vervangt het reglement van 24 maart 2014.',
        ],
      },
      stemming: { onderwerp: 'Vaststelling van het retributiereglement', gevolg: 'Goedgekeurd', voor: meerderheid, onthouden: oppositie },
    },
    {
      id: 'zal-gr-250623-4',
      titel: 'Vaststelling van de jaarrekening 2024',
      beschrijving: 'De jaarrekening 2024 van de gemeente, met het budgettair resultaat en de autofinancieringsmarge.',
      besluit: {
        titel: 'Vaststelling van de jaarrekening 2024',
        beschrijving: 'De jaarrekening 2024 wordt vastgesteld.',
        type: 'jaarrekening',
        motivering: `Juridische grond: artikel 249 en 260 van ${DLB}; het besluit van de Vlaamse Regering van 30 maart 2018 over de beleids- en beheerscyclus. Het college legde de jaarrekening op 2 juni 2025 voor.`,
        artikels: ['De jaarrekening 2024 wordt vastgesteld met een beschikbaar budgettair resultaat van 1.284.566,12 euro en een autofinancieringsmarge van 612.004,87 euro.'],
      },
      stemming: { onderwerp: 'Vaststelling van de jaarrekening 2024', gevolg: 'Goedgekeurd', voor: meerderheid, tegen: oppositie },
    },
    {
      id: 'zal-gr-250623-5',
      titel: 'Aanvullend punt van raadslid Fatima El Idrissi: een veilige fietsverbinding langs de Leiestraat',
      beschrijving: 'Voorstel om het college te vragen een studie te laten maken van een vrijliggend fietspad langs de Leiestraat.',
      type: 'aanvullend',
      stemming: { onderwerp: 'Voorstel tot opmaak van een studie voor een fietspad langs de Leiestraat', gevolg: 'Verworpen', voor: oppositie, tegen: meerderheid },
    },
    {
      id: 'zal-gr-250623-6',
      titel: 'Voordracht van een kandidaat-bestuurder voor de raad van bestuur van de intercommunale Leiedal Energie',
      beschrijving: 'Geheime stemming over de voordracht van een kandidaat-bestuurder.',
      openbaar: false,
      besluit: {
        titel: 'Voordracht van een kandidaat-bestuurder voor Leiedal Energie',
        beschrijving: 'Een raadslid wordt voorgedragen als kandidaat-bestuurder.',
        type: 'andere',
        motivering: `Juridische grond: artikel 34 en 432 van ${DLB}; de statuten van de intercommunale. De stemming is geheim.`,
        artikels: ['Mevrouw Annelies Maes wordt voorgedragen als kandidaat-bestuurder in de raad van bestuur van de intercommunale Leiedal Energie.'],
      },
      stemming: { onderwerp: 'Voordracht van mevrouw Annelies Maes', gevolg: 'Aangenomen', geheim: { stemmers: aanwezigeRaadsleden, voor: 12, tegen: 2, onthouden: 2 } },
    },
  ];
}

const raadZitting = {
  start: '2025-06-23T20:00:00+02:00',
  gestart: '2025-06-23T20:03:12+02:00',
  geeindigd: '2025-06-23T22:41:05+02:00',
  voorzitter: 'zal-gr-01',
  secretaris: 'zal-gr-ad',
  aanwezigen: [...aanwezigeRaadsleden, 'zal-gr-ad'],
};
const raadMetFout = meeting('gemeenteraad', raadZitting, raadPunten('De Leimeersen'));

export const GEMEENTERAAD: MeetingScript = {
  orgaan: { id: 'gemeenteraad', naam: 'Gemeenteraad Zonnebeek-aan-Leie', classificatie: 'gemeenteraad', perioden: [{ ...PERIODE, mandatarissen: RAAD }] },
  slug: '2025-06-23',
  planned: raadMetFout.planned,
  held: raadMetFout.held,
  agenda: '2025-06-13T08:00:00Z',
  aanvullend: { at: '2025-06-17T10:20:00Z', announced: raadMetFout.announced },
  besluitenlijst: '2025-06-25T07:30:00Z',
  correction: {
    at: '2025-06-26T13:10:00Z',
    held: meeting('gemeenteraad', raadZitting, raadPunten('De Leiemeersen')).held,
    note: 'Verbetering van een materiële vergissing in de titel van het besluit over sporthal De Leiemeersen.',
  },
  // After their approval at the next meeting.
  notulen: '2025-09-16T08:00:00Z',
};

// College van burgemeester en schepenen: the burgemeester, four schepenen and the algemeen directeur.
const CBS = mandatarissen('zal-cbs', ['Koen Desmet', 'Lieve Verhaeghe', 'Pieter Declercq', 'Sofie Van Damme', 'Wouter Lambrecht'], 'Marc Van Hoorebeke');
const collegeleden = CBS.slice(0, 5).map((x) => x.id);
const eenparig = (onderwerp: string): Stem => ({ onderwerp, gevolg: 'Eenparig goedgekeurd', voor: collegeleden });

const college = meeting(
  'college',
  { start: '2025-06-30T09:00:00+02:00', gestart: '2025-06-30T09:00:40+02:00', geeindigd: '2025-06-30T11:15:00+02:00', voorzitter: 'zal-cbs-01', secretaris: 'zal-cbs-ad', aanwezigen: [...collegeleden, 'zal-cbs-ad'] },
  [
    {
      id: 'zal-cbs-250630-1',
      titel: 'Goedkeuring van het verslag van de vergadering van 23 juni 2025',
      beschrijving: 'Het college keurt het verslag van zijn vorige vergadering goed.',
      besluit: { titel: 'Goedkeuring van het verslag van 23 juni 2025', beschrijving: 'Het verslag wordt goedgekeurd.', type: 'andere', motivering: `Juridische grond: artikel 50 van ${DLB}.`, artikels: ['Het verslag van de vergadering van 23 juni 2025 wordt goedgekeurd.'] },
      stemming: eenparig('Goedkeuring van het verslag'),
    },
    {
      id: 'zal-cbs-250630-2',
      titel: 'Omgevingsvergunning voor het bouwen van een eengezinswoning, Kerkstraat 12',
      beschrijving: 'Beslissing over de aanvraag OMV_2025041187 na het openbaar onderzoek.',
      besluit: {
        titel: 'Verlening van de omgevingsvergunning voor een eengezinswoning, Kerkstraat 12',
        beschrijving: 'De vergunning wordt onder voorwaarden verleend.',
        type: 'andere',
        motivering: 'Juridische grond: het decreet van 25 april 2014 betreffende de omgevingsvergunning. Tijdens het openbaar onderzoek werden geen bezwaren ingediend; de aanvraag is in overeenstemming met de goede ruimtelijke ordening.',
        artikels: ['De omgevingsvergunning voor het bouwen van een eengezinswoning op het perceel Kerkstraat 12 wordt verleend.', 'De aanvrager volgt de voorwaarden van het advies van de brandweer van 14 mei 2025.'],
      },
      stemming: eenparig('Verlening van de omgevingsvergunning'),
    },
    {
      id: 'zal-cbs-250630-3',
      titel: 'Projectsubsidie aan vzw Jeugdhuis De Kade voor de zomerwerking 2025',
      beschrijving: 'Toekenning van een projectsubsidie binnen het krediet voor jeugdwerking.',
      besluit: {
        titel: 'Toekenning van een projectsubsidie aan vzw Jeugdhuis De Kade',
        beschrijving: 'Een projectsubsidie van 2.500 euro.',
        type: 'subsidie',
        motivering: 'Juridische grond: het subsidiereglement voor jeugdwerking van de gemeenteraad van 16 december 2024. Het dossier is volledig en het project past in het meerjarenplan.',
        artikels: ['Aan vzw Jeugdhuis De Kade wordt een projectsubsidie van 2.500 euro toegekend voor de zomerwerking 2025.', 'De subsidie wordt uitbetaald na ontvangst van het verslag en de verantwoordingsstukken.'],
      },
      stemming: eenparig('Toekenning van de projectsubsidie'),
    },
    {
      id: 'zal-cbs-250630-4',
      titel: 'Personeel: aanstelling van een deskundige communicatie (B1-B3), contractueel',
      beschrijving: 'Aanstelling na de selectieprocedure.',
      openbaar: false,
      besluit: {
        titel: 'Aanstelling van een deskundige communicatie (B1-B3)',
        beschrijving: 'Aanstelling van de laureaat van de selectieprocedure.',
        type: 'andere',
        motivering: 'Juridische grond: de rechtspositieregeling van het gemeentepersoneel. De selectiecommissie rangschikte de kandidaten op 20 juni 2025.',
        artikels: ['De eerst gerangschikte kandidaat wordt met ingang van 1 september 2025 contractueel aangesteld als deskundige communicatie (B1-B3), voltijds en voor onbepaalde duur.'],
      },
      stemming: eenparig('Aanstelling van de deskundige communicatie'),
    },
  ],
);

export const COLLEGE: MeetingScript = {
  orgaan: { id: 'college', naam: 'College van burgemeester en schepenen Zonnebeek-aan-Leie', classificatie: 'college', perioden: [{ ...PERIODE, mandatarissen: CBS }] },
  slug: '2025-06-30',
  planned: college.planned,
  held: college.held,
  agenda: '2025-06-27T14:00:00Z',
  besluitenlijst: '2025-07-02T09:00:00Z',
  notulen: '2025-07-08T09:00:00Z',
};
