/** @jsxImportSource hono/jsx */
/** The meeting as a published document shows it: its agenda, treatments, decisions and votes, in RDFa. */
import { literal, namedNode } from '../../shared/rdf/factory.js';
import { Prop, Resource } from '../../shared/render/rdfa.js';
import { BESLUIT, DCT, ELI, EU_LANGUAGE, PROV, XSD } from '../../shared/rdf/vocab.js';
import type { DecisionCodeLists } from '../codelists.js';
import type { Agendapunt, Behandeling, Besluit, Stemming, Zitting } from '../model.js';
import type { DecisionIris } from '../rdf.js';
import { MandatarisList, MandatarisRef } from './parts.js';

export interface MeetingProps {
  z: Zitting;
  iris: DecisionIris;
  lists: DecisionCodeLists;
  names: ReadonlyMap<string, string>;
  /** Show the attendance, start and end (not on an agenda). */
  held: boolean;
  /** eli:date_publication of the decisions, when the snapshot has it. */
  datePublication?: string;
}

const str = (v: string) => literal(v);
const int = (n: number) => literal(String(n), XSD.integer);
const bool = (b: boolean) => literal(String(b), XSD.boolean);

export function MeetingFacts({ z, iris, names, held }: MeetingProps) {
  return (
    <dl>
      <dt>Gepland</dt>
      <dd>
        <Prop p={BESLUIT.geplandeStart} o={literal(z.geplandeStart, XSD.dateTime)} />
      </dd>
      {held && z.gestart ? (
        <>
          <dt>Begonnen</dt>
          <dd>
            <Prop p={PROV.startedAtTime} o={literal(z.gestart, XSD.dateTime)} />
          </dd>
        </>
      ) : null}
      {held && z.geeindigd ? (
        <>
          <dt>Geëindigd</dt>
          <dd>
            <Prop p={PROV.endedAtTime} o={literal(z.geeindigd, XSD.dateTime)} />
          </dd>
        </>
      ) : null}
      {z.voorzitter ? (
        <>
          <dt>Voorzitter</dt>
          <dd>
            <MandatarisRef p={BESLUIT.heeftVoorzitter} id={z.voorzitter} iris={iris} names={names} />
          </dd>
        </>
      ) : null}
      {z.secretaris ? (
        <>
          <dt>Secretaris</dt>
          <dd>
            <MandatarisRef p={BESLUIT.heeftSecretaris} id={z.secretaris} iris={iris} names={names} />
          </dd>
        </>
      ) : null}
      {held ? (
        <>
          <dt>Aanwezig bij de start</dt>
          <dd>
            <MandatarisList p={BESLUIT.heeftAanwezigeBijStart} ids={z.aanwezigen} iris={iris} names={names} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The agendapunten (linked from the meeting with besluit:behandelt) and their treatments. */
export function Agenda(props: MeetingProps) {
  const { z, iris } = props;
  const shown = z.agendapunten.map((a, i) => ({ a, n: i + 1, prev: z.agendapunten[i - 1] }));
  return (
    <ol class="agenda">
      {shown.map(({ a, n, prev }) => (
        <li value={String(n)}>
          <Prop p={BESLUIT.behandelt} o={iris.agendapunt(a.id)} link={false}>
            {''}
          </Prop>
          <AgendapuntView a={a} prevId={z.agendapunten.length > 1 && prev ? prev.id : undefined} {...props} />
        </li>
      ))}
    </ol>
  );
}

function AgendapuntView({ a, prevId, iris, lists, names, held, z, datePublication }: MeetingProps & { a: Agendapunt; prevId: string | undefined }) {
  const type = lists.agendapuntTypes.get(a.type);
  return (
    <>
      <Resource about={iris.agendapunt(a.id)} typeof={[BESLUIT.Agendapunt]} as="article">
        <h3>
          <Prop p={DCT.title} o={str(a.titel)} />
        </h3>
        {a.beschrijving ? (
          <p>
            <Prop p={DCT.description} o={str(a.beschrijving)} />
          </p>
        ) : null}
        <p class="meta">
          <Prop p={BESLUIT['Agendapunt.type']} o={type.iri} label={type.label} link={false} /> agendapunt, gepland openbaar:{' '}
          <Prop p={BESLUIT.geplandOpenbaar} o={bool(a.geplandOpenbaar)} />
          {prevId ? (
            <Prop p={BESLUIT.aangebrachtNa} o={iris.agendapunt(prevId)} link={false}>
              {''}
            </Prop>
          ) : null}
        </p>
      </Resource>
      {held && a.behandeling ? <BehandelingView a={a} b={a.behandeling} iris={iris} lists={lists} names={names} z={z} held={held} {...(datePublication ? { datePublication } : {})} /> : null}
    </>
  );
}

function BehandelingView({ a, b, z, iris, lists, names, datePublication }: MeetingProps & { a: Agendapunt; b: Behandeling }) {
  const treated = z.agendapunten.filter((x) => x.behandeling);
  const idx = treated.findIndex((x) => x.id === a.id);
  const prev = idx > 0 ? treated[idx - 1]?.behandeling : undefined;
  const reduced = !b.openbaar && !b.besluit && !b.stemmingen.length;
  return (
    <Resource about={iris.behandeling(b.id)} typeof={[BESLUIT.BehandelingVanAgendapunt]} as="section" class="behandeling">
      <Prop p={DCT.subject} o={iris.agendapunt(a.id)} link={false}>
        {''}
      </Prop>
      {prev ? (
        <Prop p={BESLUIT.gebeurtNa} o={iris.behandeling(prev.id)} link={false}>
          {''}
        </Prop>
      ) : null}
      <p class="meta">
        Openbaar behandeld: <Prop p={BESLUIT.openbaar} o={bool(b.openbaar)} />. Aanwezig:{' '}
        <MandatarisList p={BESLUIT.heeftAanwezige} ids={b.aanwezigen} iris={iris} names={names} />
        {z.voorzitter ? (
          <Prop p={BESLUIT.heeftVoorzitter} o={iris.mandataris(z.voorzitter)} link={false}>
            {''}
          </Prop>
        ) : null}
        {z.secretaris ? (
          <Prop p={BESLUIT.heeftSecretaris} o={iris.mandataris(z.secretaris)} link={false}>
            {''}
          </Prop>
        ) : null}
      </p>
      {reduced ? <p class="niet-openbaar">Dit agendapunt werd niet openbaar behandeld.</p> : null}
      {b.besluit ? <BesluitView d={b.besluit} b={b} z={z} iris={iris} lists={lists} {...(datePublication ? { datePublication } : {})} /> : null}
      {b.stemmingen.map((s) => (
        <StemmingView s={s} b={b} iris={iris} names={names} />
      ))}
    </Resource>
  );
}

function BesluitView({ d, b, z, iris, lists, datePublication }: { d: Besluit; b: Behandeling; z: Zitting; iris: DecisionIris; lists: DecisionCodeLists; datePublication?: string }) {
  const type = lists.besluitTypes.get(d.type);
  return (
    <>
      <Prop p={PROV.generated} o={iris.besluit(d.id)} link={false}>
        {''}
      </Prop>
      <Resource about={iris.besluit(d.id)} typeof={[BESLUIT.Besluit, type.iri]} as="article" class="besluit">
        <h4>
          <Prop p={ELI.title} o={str(d.titel)} />
        </h4>
        <p class="meta">
          Type: {type.label}
          {d.citeeropschrift ? (
            <>
              {' '}
              · Citeeropschrift: <Prop p={ELI.title_short} o={str(d.citeeropschrift)} />
            </>
          ) : null}
          {d.vervangt ? (
            <>
              {' '}
              · Vervangt: <Prop p={ELI.consolidates} o={namedNode(d.vervangt)} />
            </>
          ) : null}
          {datePublication ? (
            <>
              {' '}
              · Publicatiedatum: <Prop p={ELI.date_publication} o={literal(datePublication, XSD.date)} />
            </>
          ) : null}
        </p>
        {d.beschrijving ? (
          <p>
            <Prop p={ELI.description} o={str(d.beschrijving)} />
          </p>
        ) : null}
        <h5>Motivering</h5>
        <p class="motivering">
          <Prop p={BESLUIT.motivering} o={str(d.motivering)} />
        </p>
        <Prop p={ELI.language} o={EU_LANGUAGE('NLD')} link={false}>
          {''}
        </Prop>
        <Prop p={ELI.passed_by} o={iris.periode(z.eenheid, z.orgaan, z.periode)} link={false}>
          {''}
        </Prop>
        <Prop p={ELI.realizes} o={iris.rechtsgrond(d.id)} link={false}>
          {''}
        </Prop>
        <Prop p={PROV.wasGeneratedBy} o={iris.behandeling(b.id)} link={false}>
          {''}
        </Prop>
        {d.artikels.length ? (
          <>
            <h5>Beschikkend gedeelte</h5>
            <ol class="artikels">
              {d.artikels.map((x) => (
                <li>
                  <Prop p={ELI.has_part} o={iris.artikel(x.id)} link={false}>
                    {''}
                  </Prop>
                  <Resource about={iris.artikel(x.id)} typeof={[BESLUIT.Artikel]} as="div">
                    <strong>
                      Artikel <Prop p={ELI.number} o={str(x.nummer)} />
                    </strong>
                    <p>
                      <Prop p={PROV.value} o={str(x.inhoud)} />
                    </p>
                  </Resource>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Resource>
    </>
  );
}


function StemmingView({ s, b, iris, names }: { s: Stemming; b: Behandeling; iris: DecisionIris; names: ReadonlyMap<string, string> }) {
  return (
    <>
      <Prop p={BESLUIT.heeftStemming} o={iris.stemming(s.id)} link={false}>
        {''}
      </Prop>
      <Resource about={iris.stemming(s.id)} typeof={[BESLUIT.Stemming]} as="section" class="stemming">
        <h5>
          Stemming: <Prop p={BESLUIT.onderwerp} o={str(s.onderwerp)} />
        </h5>
        <p>
          <Prop p={BESLUIT.aantalVoorstanders} o={int(s.aantalVoorstanders)} /> voor, <Prop p={BESLUIT.aantalTegenstanders} o={int(s.aantalTegenstanders)} /> tegen,{' '}
          <Prop p={BESLUIT.aantalOnthouders} o={int(s.aantalOnthouders)} /> onthoudingen. Geheim: <Prop p={BESLUIT.geheim} o={bool(s.geheim)} />. Gevolg:{' '}
          <Prop p={BESLUIT.gevolg} o={str(s.gevolg)} />
        </p>
        <p class="meta">
          Stemmers: <MandatarisList p={BESLUIT.heeftStemmer} ids={s.stemmers} iris={iris} names={names} />
          <span hidden>
            <MandatarisList p={BESLUIT.heeftAanwezige} ids={b.aanwezigen} iris={iris} names={names} />
          </span>
        </p>
        {!s.geheim ? (
          <ul>
            <li>
              Voor: <MandatarisList p={BESLUIT.heeftVoorstander} ids={s.voorstanders} iris={iris} names={names} />
            </li>
            <li>
              Tegen: <MandatarisList p={BESLUIT.heeftTegenstander} ids={s.tegenstanders} iris={iris} names={names} />
            </li>
            <li>
              Onthouding: <MandatarisList p={BESLUIT.heeftOnthouder} ids={s.onthouders} iris={iris} names={names} />
            </li>
          </ul>
        ) : null}
      </Resource>
    </>
  );
}
