/**
 * The approval workflow as a pure state machine: (status of the version acted on, action, the
 * series roles the actor holds for this series, facts) -> the next status, or a typed refusal.
 *
 *   ontwerp --indienen--> interne-goedkeuring --intern-goedkeuren--> ingediend --goedkeuren--> gepubliceerd
 *      ^                         |                                     |  ^
 *      +-------terugsturen-------+                                     |  opmerken (commissie)
 *      +-------------------------------afwijzen------------------------+
 *   ontwerp --rechtstreeks-publiceren--> gepubliceerd     (verkorte procedure: herziening, opvolging
 *                                                          or afsluiting with unchanged retention and destination)
 *   gepubliceerd --herzien | opvolgen | afsluiten--> a new version in ontwerp
 *
 * A generieke serie (template) is drafted by the committee and skips the internal approval.
 * Publishing makes the previous published version `vervangen`: that is a consequence the service
 * applies, not an action.
 */
import type { Soort, Status } from './model.js';

export const SERIES_ROLES = ['informatiebeheerder', 'interne-goedkeurder', 'commissielid', 'commissievoorzitter'] as const;
export type SeriesRole = (typeof SERIES_ROLES)[number];

export const ACTIONS = [
  'bewerken', 'indienen', 'intern-goedkeuren', 'terugsturen', 'opmerken', 'goedkeuren', 'afwijzen',
  'rechtstreeks-publiceren', 'herzien', 'opvolgen', 'afsluiten',
] as const;
export type WorkflowAction = (typeof ACTIONS)[number];

/** Actions that start a new version of a published series. */
export const NEW_VERSION_ACTIONS: readonly WorkflowAction[] = ['herzien', 'opvolgen', 'afsluiten'];

interface Rule {
  from: Status;
  /** The next status per kind of series; absent: the action does not exist for that kind. */
  to: Partial<Record<Soort, Status>>;
  roles: Partial<Record<Soort, readonly SeriesRole[]>>;
  commentRequired?: boolean;
  label: string;
}

const DRAFTERS = { gewoon: ['informatiebeheerder'], generiek: ['commissielid', 'commissievoorzitter'] } as const;

export const RULES: Record<WorkflowAction, Rule> = {
  bewerken: { from: 'ontwerp', to: { gewoon: 'ontwerp', generiek: 'ontwerp' }, roles: DRAFTERS, label: 'Bewerken' },
  indienen: { from: 'ontwerp', to: { gewoon: 'interne-goedkeuring', generiek: 'ingediend' }, roles: DRAFTERS, label: 'Indienen' },
  'intern-goedkeuren': { from: 'interne-goedkeuring', to: { gewoon: 'ingediend' }, roles: { gewoon: ['interne-goedkeurder'] }, label: 'Intern goedkeuren en indienen bij de commissie' },
  terugsturen: { from: 'interne-goedkeuring', to: { gewoon: 'ontwerp' }, roles: { gewoon: ['interne-goedkeurder'] }, commentRequired: true, label: 'Terugsturen' },
  opmerken: {
    from: 'ingediend',
    to: { gewoon: 'ingediend', generiek: 'ingediend' },
    roles: { gewoon: ['commissielid', 'commissievoorzitter'], generiek: ['commissielid', 'commissievoorzitter'] },
    commentRequired: true,
    label: 'Opmerking maken',
  },
  goedkeuren: { from: 'ingediend', to: { gewoon: 'gepubliceerd', generiek: 'gepubliceerd' }, roles: { gewoon: ['commissievoorzitter'], generiek: ['commissievoorzitter'] }, label: 'Goedkeuren en publiceren' },
  afwijzen: { from: 'ingediend', to: { gewoon: 'ontwerp', generiek: 'ontwerp' }, roles: { gewoon: ['commissievoorzitter'], generiek: ['commissievoorzitter'] }, commentRequired: true, label: 'Afwijzen' },
  'rechtstreeks-publiceren': { from: 'ontwerp', to: { gewoon: 'gepubliceerd' }, roles: { gewoon: ['informatiebeheerder'] }, label: 'Rechtstreeks publiceren (verkorte procedure)' },
  herzien: { from: 'gepubliceerd', to: { gewoon: 'ontwerp', generiek: 'ontwerp' }, roles: DRAFTERS, label: 'Herzien' },
  opvolgen: { from: 'gepubliceerd', to: { gewoon: 'ontwerp', generiek: 'ontwerp' }, roles: DRAFTERS, label: 'Opvolgen' },
  afsluiten: { from: 'gepubliceerd', to: { gewoon: 'ontwerp', generiek: 'ontwerp' }, roles: DRAFTERS, label: 'Afsluiten' },
};

export interface WorkflowFacts {
  soort: Soort;
  /** The series roles the actor holds for this series (organisation roles in its owner, committee roles in its committee). */
  roles: ReadonlySet<SeriesRole>;
  comment?: string;
  /** The version is a herziening/opvolging/afsluiting of a published version with the same retention and destination. */
  shortenedFlowAllowed: boolean;
  /** The series already has a version being worked on (no second new version). */
  hasOpenVersion: boolean;
}

export type RefusalCode = 'niet-in-deze-status' | 'niet-voor-deze-soort' | 'rol-ontbreekt' | 'opmerking-vereist' | 'verkorte-procedure-niet-toegestaan' | 'open-versie-bestaat';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export type Outcome = { ok: true; next: Status; newVersion: boolean; publishes: boolean } | { ok: false; refusal: Refusal };

const refuse = (code: RefusalCode, message: string): Outcome => ({ ok: false, refusal: { code, message } });

export function transition(status: Status, action: WorkflowAction, facts: WorkflowFacts): Outcome {
  const rule = RULES[action];
  const next = rule.to[facts.soort];
  const roles = rule.roles[facts.soort] ?? [];
  if (!next) return refuse('niet-voor-deze-soort', `"${rule.label}" bestaat niet voor een ${facts.soort === 'generiek' ? 'generieke serie' : 'gewone serie'}`);
  if (status !== rule.from) return refuse('niet-in-deze-status', `"${rule.label}" kan alleen in status ${rule.from}, niet in ${status}`);
  if (!roles.some((r) => facts.roles.has(r))) return refuse('rol-ontbreekt', `"${rule.label}" vraagt de rol ${roles.join(' of ')}`);
  if (rule.commentRequired && !facts.comment?.trim()) return refuse('opmerking-vereist', `"${rule.label}" vraagt een opmerking of motivering`);
  if (action === 'rechtstreeks-publiceren' && !facts.shortenedFlowAllowed) {
    return refuse('verkorte-procedure-niet-toegestaan', 'Rechtstreeks publiceren mag alleen voor een herziening, opvolging of afsluiting van een gepubliceerde serie met ongewijzigde bewaartermijn en bestemming');
  }
  const newVersion = NEW_VERSION_ACTIONS.includes(action);
  if (newVersion && facts.hasOpenVersion) return refuse('open-versie-bestaat', 'Er is al een versie in bewerking; werk die eerst af');
  return { ok: true, next, newVersion, publishes: next === 'gepubliceerd' };
}

/** The actions the actor could take now (for buttons and the task list). */
export function availableActions(status: Status, facts: Omit<WorkflowFacts, 'comment'>): WorkflowAction[] {
  return ACTIONS.filter((a) => {
    const o = transition(status, a, { ...facts, comment: 'x' });
    return o.ok;
  });
}
