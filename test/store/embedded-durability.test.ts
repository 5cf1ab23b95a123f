import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/shared/store/embedded/embedded-store.js';
import { truncateFileSync } from '../../src/shared/store/embedded/journal.js';
import { literal, namedNode, quad } from '../../src/shared/rdf/factory.js';
import { tempDir } from '../support/tmp.js';

const ex = (s: string) => namedNode(`http://test.example/${s}`);
const open = (dir: string, snapshotAfterBytes?: number) =>
  EmbeddedStore.open({ dir, genidBase: 'http://test.example/.well-known/genid/', locksGraph: ex('graph/locks'), snapshotAfterBytes });
const tx = (i: number) => ({ insert: [quad(ex(`s${i}`), ex('p'), literal(`value ${i}`), ex('g'))] });
const values = async (s: EmbeddedStore) =>
  (await s.select('SELECT ?o WHERE { GRAPH <http://test.example/g> { ?s ?p ?o } } ORDER BY ?o')).map((r) => r.o!.value);

describe('embedded store durability', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('replays the journal after a restart without snapshot', async () => {
    const s = await open(tmp.dir);
    for (let i = 0; i < 5; i++) await s.transact(tx(i));
    await s.close({ snapshot: false });
    const r = await open(tmp.dir);
    expect(r.recovery.replayedRecords).toBe(5);
    expect(await values(r)).toEqual(['value 0', 'value 1', 'value 2', 'value 3', 'value 4']);
    await r.close();
  });

  it('restores from a snapshot and empties the journal', async () => {
    const s = await open(tmp.dir);
    for (let i = 0; i < 3; i++) await s.transact(tx(i));
    await s.close();
    expect(statSync(path.join(tmp.dir, 'journal.log')).size).toBe(0);
    expect(readFileSync(path.join(tmp.dir, 'snapshot.nq'), 'utf8')).toMatch(/^# stelsel-snapshot seq=3\n/);
    const r = await open(tmp.dir);
    expect(r.recovery).toMatchObject({ snapshotSeq: 3, replayedRecords: 0 });
    expect(await values(r)).toHaveLength(3);
    expect(r.lastSeq).toBe(3);
    await r.close();
  });

  it('skips journal records already contained in the snapshot (crash between snapshot and truncation)', async () => {
    const s = await open(tmp.dir);
    for (let i = 0; i < 3; i++) await s.transact(tx(i));
    const journal = readFileSync(path.join(tmp.dir, 'journal.log'));
    await s.close(); // snapshot at seq 3, journal emptied
    writeFileSync(path.join(tmp.dir, 'journal.log'), journal); // as if truncation never happened
    const r = await open(tmp.dir);
    expect(r.recovery.replayedRecords).toBe(0);
    expect(await values(r)).toHaveLength(3);
    await r.transact(tx(3));
    expect(r.lastSeq).toBe(4);
    await r.close({ snapshot: false });
  });

  it('takes snapshots automatically once the journal passes the threshold', async () => {
    const s = await open(tmp.dir, 2048);
    for (let i = 0; i < 40; i++) await s.transact(tx(i));
    expect(statSync(path.join(tmp.dir, 'journal.log')).size).toBeLessThan(2048 + 400);
    await s.close({ snapshot: false });
    const r = await open(tmp.dir);
    expect(r.recovery.snapshotSeq).toBeGreaterThan(0);
    expect(await values(r)).toHaveLength(40);
    await r.close();
  });

  it('discards a torn tail record at every cut point and keeps all earlier records', async () => {
    const s = await open(tmp.dir);
    for (let i = 0; i < 3; i++) await s.transact(tx(i));
    const before = statSync(path.join(tmp.dir, 'journal.log')).size;
    await s.transact({ insert: [quad(ex('torn'), ex('p'), literal('x'.repeat(100)), ex('g'))] });
    await s.close({ snapshot: false });
    const full = readFileSync(path.join(tmp.dir, 'journal.log'));
    for (const cut of [before + 1, before + 4, before + 8, before + 9, full.length - 1]) {
      writeFileSync(path.join(tmp.dir, 'journal.log'), full);
      truncateFileSync(path.join(tmp.dir, 'journal.log'), cut);
      const r = await open(tmp.dir);
      expect(r.recovery.discardedBytes).toBe(cut - before);
      expect(await values(r)).toEqual(['value 0', 'value 1', 'value 2']);
      // The torn tail was cut off, so new records land after the last good one.
      await r.transact(tx(9));
      await r.close({ snapshot: false });
      const again = await open(tmp.dir);
      expect(await values(again)).toEqual(['value 0', 'value 1', 'value 2', 'value 9']);
      await again.close({ snapshot: false });
    }
  });

  it('discards a record whose checksum does not match', async () => {
    const s = await open(tmp.dir);
    for (let i = 0; i < 2; i++) await s.transact(tx(i));
    await s.close({ snapshot: false });
    const buf = readFileSync(path.join(tmp.dir, 'journal.log'));
    buf[buf.length - 5] = buf[buf.length - 5]! ^ 0xff; // flip a byte in the last payload
    writeFileSync(path.join(tmp.dir, 'journal.log'), buf);
    const r = await open(tmp.dir);
    expect(await values(r)).toEqual(['value 0']);
    expect(r.recovery.discardedBytes).toBeGreaterThan(0);
    await r.close();
  });

  it('is all-or-nothing: an invalid term anywhere rejects the whole transaction, in memory and on disk', async () => {
    const s = await open(tmp.dir);
    await s.transact(tx(0));
    const size = statSync(path.join(tmp.dir, 'journal.log')).size;
    await expect(
      s.transact({
        replaceGraphs: [{ graph: ex('g'), quads: [] }],
        insert: [quad(ex('ok'), ex('p'), literal('fine'), ex('other')), quad(namedNode('http://bad iri/'), ex('p'), literal('x'), ex('other'))],
      }),
    ).rejects.toThrow(/IRI/);
    expect(await values(s)).toEqual(['value 0']);
    expect(await s.count()).toBe(1);
    expect(statSync(path.join(tmp.dir, 'journal.log')).size).toBe(size);
    await s.close({ snapshot: false });
  });

  it('undoes a batch of graph replacements exactly when the journal append fails', async () => {
    const s = await open(tmp.dir);
    const q = (g: string, i: number) => quad(ex(`s${i}`), ex('p'), literal(`${g} ${i}`), ex(g));
    await s.transact({ replaceGraphs: [{ graph: ex('a'), quads: [q('a', 1), q('a', 2), q('a', 3)] }, { graph: ex('b'), quads: [q('b', 1)] }] });
    const before = s.ox.dump({ format: 'application/n-quads' }).split('\n').sort();
    const count = await s.count();
    const journal = (s as unknown as { journal: { append: (b: Buffer) => Promise<void> } }).journal;
    const append = journal.append.bind(journal);
    journal.append = () => Promise.reject(new Error('disk full'));
    await expect(
      s.transact({
        replaceGraphs: [
          { graph: ex('a'), quads: [q('a', 7), q('a', 7), q('a', 8)] },
          { graph: ex('c'), quads: [q('c', 1)] },
          { graph: ex('a'), quads: [q('a', 9)] },
        ],
        delete: [q('b', 1)],
        insert: [q('b', 2)],
      }),
    ).rejects.toThrow(/disk full/);
    expect(s.ox.dump({ format: 'application/n-quads' }).split('\n').sort()).toEqual(before);
    expect(await s.count()).toBe(count);
    journal.append = append;
    // The store refuses writes after a failed append (memory and disk may disagree otherwise).
    await s.close({ snapshot: false }).catch(() => undefined);
    const r = await open(tmp.dir);
    expect(r.ox.dump({ format: 'application/n-quads' }).split('\n').sort()).toEqual(before);
    await r.close();
  });

  it('keeps each transaction of a concurrent burst atomic and acknowledged in order', async () => {
    const s = await open(tmp.dir);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 200 }, (_, i) => s.transact(tx(i)).then(() => order.push(i))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(s.lastSeq).toBe(200);
    await s.close({ snapshot: false });
    const r = await open(tmp.dir);
    expect(await r.count()).toBe(200);
    await r.close();
  });

  it('bulk-loads N-Quads in journaled chunks and survives a restart', async () => {
    const s = await open(tmp.dir);
    const lines = Array.from({ length: 2500 }, (_, i) => `<http://test.example/b${i}> <http://test.example/p> "${i}" <http://test.example/bulk> .`).join('\n') + '\n';
    await s.bulkLoad(lines, 1000);
    expect(s.lastSeq).toBe(3);
    await expect(s.bulkLoad('_:x <http://test.example/p> "y" .\n')).rejects.toThrow(/blank nodes/);
    await s.close({ snapshot: false });
    const r = await open(tmp.dir);
    expect(await r.count()).toBe(2500);
    await r.close();
  });
});

describe('embedded store count', () => {
  it('stays exact across replacements, deletions, duplicates, refused transactions and bulk loads', async () => {
    const tmp = tempDir();
    const s = await open(tmp.dir);
    try {
      const g = ex('counted');
      const q = (i: number) => quad(ex(`c${i}`), ex('p'), literal(String(i)), g);
      expect(await s.count()).toBe(0);
      await s.transact({ insert: [q(1), q(2), q(2), q(3)] });
      expect(await s.count()).toBe(3);
      await s.transact({ delete: [q(1), q(99)], insert: [q(3)] });
      expect(await s.count()).toBe(2);
      await s.transact({ replaceGraphs: [{ graph: g, quads: [q(5), q(6), q(6), q(7), q(8)] }] });
      expect(await s.count()).toBe(4);
      await expect(s.transact({ insert: [q(9)], precondition: { ask: 'ASK { FILTER(false) }', expect: true } })).rejects.toThrow();
      expect(await s.count()).toBe(4);
      await s.bulkLoad('<http://test.example/c5> <http://test.example/p> "5" <http://test.example/counted> .\n<http://test.example/b> <http://test.example/p> "b" .\n');
      expect(await s.count()).toBe(5);
      expect(await s.count()).toBe(s.ox.size);
    } finally {
      await s.close({ snapshot: false });
      tmp.remove();
    }
  });
});

describe('embedded store directory lock', () => {
  it('refuses a second opener while the store is open, and takes over a lock left by a dead process', async () => {
    const tmp = tempDir();
    try {
      const s = await open(tmp.dir);
      await expect(open(tmp.dir)).rejects.toThrow(/already open in this process/);
      await s.close();
      // A crashed process leaves its lock behind: a pid that no longer runs.
      writeFileSync(path.join(tmp.dir, 'LOCK'), '2147483646');
      const again = await open(tmp.dir);
      expect(readFileSync(path.join(tmp.dir, 'LOCK'), 'utf8')).toBe(String(process.pid));
      await again.close();
    } finally {
      tmp.remove();
    }
  });

  it('refuses a directory held by another live process', async () => {
    const tmp = tempDir();
    try {
      writeFileSync(path.join(tmp.dir, 'LOCK'), String(process.ppid));
      await expect(open(tmp.dir)).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));
    } finally {
      tmp.remove();
    }
  });
});
