/**
 * The workflow state machine, table-tested: every status x action x role x kind of series. The
 * allowed cells are written out by hand below (not derived from RULES), every other cell must be
 * refused with the right typed reason.
 */
import { describe, expect, it } from 'vitest';
import { STATUSES, SOORTEN, type Soort, type Status } from '../../src/series/model.js';
import { ACTIONS, SERIES_ROLES, availableActions, transition, type RefusalCode, type SeriesRole, type WorkflowAction } from '../../src/series/workflow.js';

type Cell = [Soort, Status, WorkflowAction, SeriesRole, Status];
const ALLOWED: Cell[] = [
  ['gewoon', 'ontwerp', 'bewerken', 'informatiebeheerder', 'ontwerp'],
  ['gewoon', 'ontwerp', 'indienen', 'informatiebeheerder', 'interne-goedkeuring'],
  ['gewoon', 'ontwerp', 'rechtstreeks-publiceren', 'informatiebeheerder', 'gepubliceerd'],
  ['gewoon', 'interne-goedkeuring', 'intern-goedkeuren', 'interne-goedkeurder', 'ingediend'],
  ['gewoon', 'interne-goedkeuring', 'terugsturen', 'interne-goedkeurder', 'ontwerp'],
  ['gewoon', 'ingediend', 'opmerken', 'commissielid', 'ingediend'],
  ['gewoon', 'ingediend', 'opmerken', 'commissievoorzitter', 'ingediend'],
  ['gewoon', 'ingediend', 'goedkeuren', 'commissievoorzitter', 'gepubliceerd'],
  ['gewoon', 'ingediend', 'afwijzen', 'commissievoorzitter', 'ontwerp'],
  ['gewoon', 'gepubliceerd', 'herzien', 'informatiebeheerder', 'ontwerp'],
  ['gewoon', 'gepubliceerd', 'opvolgen', 'informatiebeheerder', 'ontwerp'],
  ['gewoon', 'gepubliceerd', 'afsluiten', 'informatiebeheerder', 'ontwerp'],
  ['generiek', 'ontwerp', 'bewerken', 'commissielid', 'ontwerp'],
  ['generiek', 'ontwerp', 'bewerken', 'commissievoorzitter', 'ontwerp'],
  ['generiek', 'ontwerp', 'indienen', 'commissielid', 'ingediend'],
  ['generiek', 'ontwerp', 'indienen', 'commissievoorzitter', 'ingediend'],
  ['generiek', 'ingediend', 'opmerken', 'commissielid', 'ingediend'],
  ['generiek', 'ingediend', 'opmerken', 'commissievoorzitter', 'ingediend'],
  ['generiek', 'ingediend', 'goedkeuren', 'commissievoorzitter', 'gepubliceerd'],
  ['generiek', 'ingediend', 'afwijzen', 'commissievoorzitter', 'ontwerp'],
  ['generiek', 'gepubliceerd', 'herzien', 'commissielid', 'ontwerp'],
  ['generiek', 'gepubliceerd', 'herzien', 'commissievoorzitter', 'ontwerp'],
  ['generiek', 'gepubliceerd', 'opvolgen', 'commissielid', 'ontwerp'],
  ['generiek', 'gepubliceerd', 'opvolgen', 'commissievoorzitter', 'ontwerp'],
  ['generiek', 'gepubliceerd', 'afsluiten', 'commissielid', 'ontwerp'],
  ['generiek', 'gepubliceerd', 'afsluiten', 'commissievoorzitter', 'ontwerp'],
];

/** Where each action starts, and the actions a template series does not have (by hand). */
const FROM: Record<WorkflowAction, Status> = {
  bewerken: 'ontwerp', indienen: 'ontwerp', 'rechtstreeks-publiceren': 'ontwerp',
  'intern-goedkeuren': 'interne-goedkeuring', terugsturen: 'interne-goedkeuring',
  opmerken: 'ingediend', goedkeuren: 'ingediend', afwijzen: 'ingediend',
  herzien: 'gepubliceerd', opvolgen: 'gepubliceerd', afsluiten: 'gepubliceerd',
};
const NOT_FOR_TEMPLATES: WorkflowAction[] = ['intern-goedkeuren', 'terugsturen', 'rechtstreeks-publiceren'];

const ROLE_CASES: (SeriesRole | 'geen')[] = [...SERIES_ROLES, 'geen'];
const cells = SOORTEN.flatMap((soort) => STATUSES.flatMap((status) => ACTIONS.flatMap((action) => ROLE_CASES.map((role) => ({ soort, status, action, role })))));

function expected(c: (typeof cells)[number]): { next: Status } | { refusal: RefusalCode } {
  const hit = ALLOWED.find(([s, st, a, r]) => s === c.soort && st === c.status && a === c.action && r === c.role);
  if (hit) return { next: hit[4] };
  if (c.soort === 'generiek' && NOT_FOR_TEMPLATES.includes(c.action)) return { refusal: 'niet-voor-deze-soort' };
  if (FROM[c.action] !== c.status) return { refusal: 'niet-in-deze-status' };
  return { refusal: 'rol-ontbreekt' };
}

describe('series workflow state machine', () => {
  it(`covers ${cells.length} cells (2 kinds x 5 statuses x 11 actions x 5 role cases)`, () => {
    expect(cells.length).toBe(2 * 5 * 11 * 5);
  });

  it.each(cells.map((c) => [`${c.soort} ${c.status} ${c.action} ${c.role}`, c] as const))('%s', (_name, c) => {
    const roles = new Set<SeriesRole>(c.role === 'geen' ? [] : [c.role]);
    const out = transition(c.status, c.action, { soort: c.soort, roles, comment: 'Toelichting', shortenedFlowAllowed: true, hasOpenVersion: false });
    const want = expected(c);
    if ('next' in want) {
      expect(out).toEqual({ ok: true, next: want.next, newVersion: ['herzien', 'opvolgen', 'afsluiten'].includes(c.action), publishes: want.next === 'gepubliceerd' });
    } else {
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.refusal.code).toBe(want.refusal);
        expect(out.refusal.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('asks a comment for sending back, committee comments and rejection', () => {
    for (const [soort, status, action, role] of ALLOWED.filter(([, , a]) => ['terugsturen', 'opmerken', 'afwijzen'].includes(a))) {
      for (const comment of [undefined, '', '   ']) {
        const out = transition(status, action, { soort, roles: new Set([role]), comment, shortenedFlowAllowed: true, hasOpenVersion: false });
        expect(out.ok ? null : out.refusal.code, `${soort} ${action}`).toBe('opmerking-vereist');
      }
    }
    const approve = transition('ingediend', 'goedkeuren', { soort: 'gewoon', roles: new Set(['commissievoorzitter']), shortenedFlowAllowed: false, hasOpenVersion: false });
    expect(approve.ok).toBe(true);
  });

  it('allows the shortened flow only when retention and destination are unchanged', () => {
    const facts = { soort: 'gewoon' as const, roles: new Set<SeriesRole>(['informatiebeheerder']), hasOpenVersion: false };
    const no = transition('ontwerp', 'rechtstreeks-publiceren', { ...facts, shortenedFlowAllowed: false });
    expect(no.ok ? null : no.refusal.code).toBe('verkorte-procedure-niet-toegestaan');
    expect(transition('ontwerp', 'rechtstreeks-publiceren', { ...facts, shortenedFlowAllowed: true }).ok).toBe(true);
  });

  it('starts no second new version while one is open', () => {
    for (const action of ['herzien', 'opvolgen', 'afsluiten'] as const) {
      const out = transition('gepubliceerd', action, { soort: 'gewoon', roles: new Set(['informatiebeheerder']), shortenedFlowAllowed: false, hasOpenVersion: true });
      expect(out.ok ? null : out.refusal.code).toBe('open-versie-bestaat');
    }
  });

  it('lists the available actions per role', () => {
    const f = { soort: 'gewoon' as const, shortenedFlowAllowed: false, hasOpenVersion: false };
    expect(availableActions('ontwerp', { ...f, roles: new Set(['informatiebeheerder']) })).toEqual(['bewerken', 'indienen']);
    expect(availableActions('ingediend', { ...f, roles: new Set(['commissievoorzitter']) })).toEqual(['opmerken', 'goedkeuren', 'afwijzen']);
    expect(availableActions('vervangen', { ...f, roles: new Set(SERIES_ROLES) })).toEqual([]);
  });
});
