/**
 * Demo data of the series register, written through the service (so it passes every rule and is
 * audited): template series for gemeenten published by their committee, and Gemeente Gent with a
 * series in every state (ontwerp, interne goedkeuring, ingediend with a committee comment,
 * gepubliceerd, a superseded version, a published series due for review, one derived from a template).
 */
import { systemActor } from '../shared/auth/actor.js';
import type { AuditContext } from '../shared/audit/audit-log.js';
import type { SeriesContent } from './model.js';
import type { SeriesService } from './service.js';

const GEMEENTEN = 'gemeenten-en-provincies';
export const DEMO_ORGANISATION = 'gemeente-gent';

function addYears(day: string, years: number, months = 0): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function rule(today: string, over: Partial<SeriesContent> & { naam: string }): SeriesContent {
  return {
    omschrijving: `Stukken over ${over.naam.toLowerCase()}.`,
    proces: 'Algemeen bestuur',
    administratieveBewaartermijn: 'P10Y',
    termijnspecificatie: 'na-afhandeling',
    motivering: 'Nodig voor de bedrijfsvoering en als bewijs bij betwisting.',
    bestemming: 'vernietigen',
    bestemmingMotivering: 'Geen blijvende waarde; de essentie staat in de besluiten.',
    openbaarheid: 'openbaar',
    geldigVan: today,
    geldigTot: addYears(today, 5),
    ...over,
  };
}

export interface SeriesDemo {
  templates: string[];
  byState: Record<string, string>;
}

export async function seedSeriesDemo(svc: SeriesService): Promise<SeriesDemo> {
  const ctx: AuditContext = { actor: systemActor(svc.uris), requestId: 'startup' };
  const today = svc.today();
  const publishTemplate = async (content: SeriesContent) => {
    const s = await svc.create(ctx, { soort: 'generiek', organisatietype: GEMEENTEN, content });
    await svc.act(ctx, s.id, 'indienen');
    await svc.act(ctx, s.id, 'goedkeuren');
    return s.id;
  };
  const templates = [
    await publishTemplate(rule(today, { naam: 'Notulen en besluitenlijsten van de gemeenteraad', proces: 'Besluitvorming', bestemming: 'bewaren', bestemmingMotivering: 'Kern van de bestuurlijke verantwoording.', administratieveBewaartermijn: 'P10Y' })),
    await publishTemplate(rule(today, { naam: 'Omgevingsvergunningen', proces: 'Omgeving', bestemming: 'steekproef', bestemmingMotivering: 'Een mathematische steekproef volstaat voor historisch onderzoek.', administratieveBewaartermijn: 'P20Y', termijnspecificatie: 'na-einde-geldigheid' })),
    await publishTemplate(rule(today, { naam: 'Facturen en betalingsbewijzen', proces: 'Financiën', wettelijkeBewaartermijn: 'P7Y', administratieveBewaartermijn: 'P7Y', termijnspecificatie: 'na-einde-kalenderjaar' })),
  ];

  const gent = { soort: 'gewoon' as const, organisatie: DEMO_ORGANISATION };
  const byState: Record<string, string> = {};
  byState.ontwerp = (await svc.create(ctx, { ...gent, content: rule(today, { naam: 'Personeelsdossiers', proces: 'Personeel', administratieveBewaartermijn: 'P50Y', termijnspecificatie: 'na-einde-relatie' }) })).id;

  const intern = await svc.create(ctx, { ...gent, content: rule(today, { naam: 'Klachtendossiers', proces: 'Klantencontact', administratieveBewaartermijn: 'P5Y' }) });
  await svc.act(ctx, intern.id, 'indienen');
  byState['interne-goedkeuring'] = intern.id;

  const submitted = await svc.create(ctx, { ...gent, content: rule(today, { naam: 'Subsidiedossiers', proces: 'Subsidies', administratieveBewaartermijn: 'P10Y', bestemming: 'steekproef', bestemmingMotivering: 'Steekproef van 10 % voor onderzoek naar het subsidiebeleid.' }) });
  await svc.act(ctx, submitted.id, 'indienen');
  await svc.act(ctx, submitted.id, 'intern-goedkeuren');
  await svc.act(ctx, submitted.id, 'opmerken', { opmerking: 'Verduidelijk waarom een steekproef van 10 % volstaat.' });
  byState.ingediend = submitted.id;

  const published = await svc.create(ctx, { ...gent, content: rule(today, { naam: 'Huwelijksdossiers', proces: 'Burgerzaken', administratieveBewaartermijn: 'P75Y', bestemming: 'bewaren', bestemmingMotivering: 'Bron voor genealogisch onderzoek.' }) });
  await svc.act(ctx, published.id, 'indienen');
  await svc.act(ctx, published.id, 'intern-goedkeuren');
  await svc.act(ctx, published.id, 'goedkeuren');
  byState.gepubliceerd = published.id;

  // Reviewed in the shortened flow: version 1 is now vervangen, version 2 gepubliceerd.
  const reviewed = await svc.create(ctx, { ...gent, content: rule(today, { naam: 'Verslagen van de adviesraden', proces: 'Participatie' }) });
  await svc.act(ctx, reviewed.id, 'indienen');
  await svc.act(ctx, reviewed.id, 'intern-goedkeuren');
  await svc.act(ctx, reviewed.id, 'goedkeuren');
  await svc.act(ctx, reviewed.id, 'herzien');
  await svc.act(ctx, reviewed.id, 'rechtstreeks-publiceren');
  byState.vervangen = reviewed.id;

  // Published, valid until within six months: flagged for review.
  const ending = await svc.create(ctx, { ...gent, content: rule(today, { naam: 'Registers van inkomende post', proces: 'Documentbeheer', geldigVan: addYears(today, -4, -9), geldigTot: addYears(today, 0, 3) }) });
  await svc.act(ctx, ending.id, 'indienen');
  await svc.act(ctx, ending.id, 'intern-goedkeuren');
  await svc.act(ctx, ending.id, 'goedkeuren');
  byState['verloopt-binnenkort'] = ending.id;

  // Derived from a template, stricter (longer retention), and in ontwerp.
  byState.sjabloon = (await svc.create(ctx, { ...gent, sjabloon: templates[1]!, content: { naam: 'Omgevingsvergunningen Gent', administratieveBewaartermijn: 'P30Y' } })).id;
  return { templates, byState };
}
