/**
 * The daily harvest: every source at HARVEST_TIME in HARVEST_TIMEZONE (croner handles daylight
 * saving time). When several instances share a store, a lease makes one of them run it; the lease
 * is not released after the run, so an instance whose timer fires a little later skips that day.
 */
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { systemActor } from '../../shared/auth/actor.js';
import type { TripleStore } from '../../shared/store/port.js';
import type { UriPolicy } from '../../shared/uri.js';
import type { HarvestService } from './service.js';

/** The daily lease lasts this long (shorter than a day, longer than any run). */
const DAILY_LEASE_MS = 12 * 3600_000;
export const DAILY_LEASE = 'oogst-dagelijks';

/** The cron pattern of a daily run at "HH:MM". */
export function dailyPattern(time: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`Not a time HH:MM: ${JSON.stringify(time)}`);
  return `0 ${Number(m[2])} ${Number(m[1])} * * *`;
}

/** When the daily harvest runs next after `from`. */
export function nextHarvestRun(time: string, timezone: string, from: Date = new Date()): Date {
  const job = new Cron(dailyPattern(time), { timezone, paused: true });
  const next = job.nextRun(from);
  job.stop();
  if (!next) throw new Error(`No next run for ${time} ${timezone}`);
  return next;
}

export interface HarvestSchedulerDeps {
  service: HarvestService;
  store: TripleStore;
  uris: UriPolicy;
  logger: Logger;
}

export class HarvestScheduler {
  private job: Cron | null = null;
  private current: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  /** This instance's name on the daily lease. */
  readonly owner = randomUUID();

  constructor(
    private readonly deps: HarvestSchedulerDeps,
    private readonly opts: { time: string; timezone: string },
  ) {}

  /** Starts the daily timer (does not keep the process alive on its own). */
  start(): void {
    if (this.job) return;
    this.job = new Cron(dailyPattern(this.opts.time), { timezone: this.opts.timezone, protect: true, unref: true }, () => this.runDaily());
    this.deps.logger.info({ next: this.nextRun()?.toISOString(), time: this.opts.time, timezone: this.opts.timezone }, 'daily catalogue harvest scheduled');
  }

  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** The daily run: every source, as Stelsel itself, unless another instance has it today. */
  runDaily(): Promise<void> {
    if (this.current) return this.current;
    const run = this.daily().finally(() => {
      if (this.current === run) this.current = null;
    });
    this.current = run;
    return run;
  }

  private async daily(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    const { store, logger, service, uris } = this.deps;
    try {
      if (!(await store.acquireLock(DAILY_LEASE, this.owner, DAILY_LEASE_MS))) {
        logger.info('daily catalogue harvest skipped: another instance runs it');
        return;
      }
      const ctx = { actor: systemActor(uris), requestId: `oogst-${randomUUID()}` };
      const { runs } = await service.harvestAll(ctx, 'schedule', this.stopping.signal);
      const count = (o: string) => runs.filter((r) => r.outcome === o).length;
      logger.info({ sources: runs.length, ok: count('ok'), failed: runs.length - count('ok') }, 'daily catalogue harvest done');
    } catch (err) {
      logger.error({ err }, 'daily catalogue harvest failed');
    }
  }

  /** Stops the timer for good; a run in progress starts no further sources and is awaited. */
  async stop(): Promise<void> {
    this.job?.stop();
    this.job = null;
    this.stopping.abort();
    await this.current;
  }
}
