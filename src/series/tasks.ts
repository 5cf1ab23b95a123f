/**
 * The task list: per user, the series that await them, from their series roles (organisation roles
 * in their organisations, committee roles in their committees), and the published series whose
 * validity ends within six months (to be reviewed).
 */
import { grantsOf, type Actor } from '../shared/auth/actor.js';
import type { Status } from './model.js';
import type { SeriesService } from './service.js';

export interface Task {
  id: string;
  naam: string;
  status: Status;
  /** What is expected. */
  taak: string;
}

export async function tasksOf(svc: SeriesService, actor: Actor): Promise<Task[]> {
  const grants = grantsOf(actor);
  const orgsWith = (role: string) => grants.filter((g) => g.role === role).map((g) => g.scope);
  const committees = svc.lists.committees.filter((c) => grants.some((g) => (g.role === 'commissielid' || g.role === 'commissievoorzitter') && g.scope === c.iri.value));
  const chair = svc.lists.committees.filter((c) => grants.some((g) => g.role === 'commissievoorzitter' && g.scope === c.iri.value));
  const types = committees.map((c) => c.organisatietype);
  const orgsOfTypes = types.length ? (await svc.repo.organisations()).filter((o) => o.organisatietype && types.includes(o.organisatietype)).map((o) => o.iri) : [];

  const wanted: [string[], string][] = [
    [await svc.repo.workingIds(['ontwerp'], { organisations: orgsWith('informatiebeheerder') }), 'Ontwerp afwerken en indienen'],
    [await svc.repo.workingIds(['interne-goedkeuring'], { organisations: orgsWith('interne-goedkeurder') }), 'Intern goedkeuren of terugsturen'],
    [await svc.repo.workingIds(['ontwerp'], { types }), 'Sjabloonserie afwerken en indienen'],
    [await svc.repo.workingIds(['ingediend'], { organisations: orgsOfTypes, types }), chair.length ? 'Beslissen over publicatie' : 'Opmerkingen geven'],
  ];
  const ending = await svc.repo.endingBefore(sixMonthsAfter(svc.today()), orgsWith('informatiebeheerder'));
  wanted.push([ending, 'Geldigheid eindigt binnen zes maanden: herzien, opvolgen of afsluiten']);

  const out: Task[] = [];
  const seen = new Set<string>();
  for (const [ids, taak] of wanted) {
    for (const id of ids) {
      if (seen.has(`${id}|${taak}`)) continue;
      seen.add(`${id}|${taak}`);
      const s = await svc.repo.load(id);
      const v = s && (s.versies.find((x) => x.nummer === s.werkversie) ?? s.versies.find((x) => x.nummer === s.gepubliceerdeVersie));
      if (s && v) out.push({ id, naam: v.naam, status: v.status, taak });
    }
  }
  return out;
}

export function sixMonthsAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return d.toISOString().slice(0, 10);
}
