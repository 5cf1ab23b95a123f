/**
 * Starts a throw-away Virtuoso 7 (Debian package virtuoso-opensource) for tests: a fresh database
 * in a temp dir, SQL and HTTP ports on free 127.0.0.1 ports, the dba password changed to a random
 * one, updates through /sparql-auth with HTTP Digest as dba.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VIRTUOSO_BIN = '/usr/bin/virtuoso-t';
export const ISQL_BIN = '/usr/bin/isql-vt';

export interface VirtuosoEndpoints {
  queryUrl: string;
  updateUrl: string;
  user: string;
  password: string;
  /** 127.0.0.1 port of the SQL listener (isql), for administration such as `makeGraphsPrivate`. */
  sqlPort: number;
}

export interface RunningVirtuoso extends VirtuosoEndpoints {
  dir: string;
  stop(): Promise<void>;
}

/** Virtuoso's built-in group of private graphs: its members get the `set_private` default permissions. */
export const PRIVATE_GRAPHS_GROUP = 'http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs';

/** A SQL string literal (quotes doubled). */
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The isql statements that keep `graphs` from anonymous SPARQL readers (Virtuoso's /sparql runs as
 * "nobody"), as documented in docs/remote-store.md: the graphs join the private-graphs group; nobody
 * may read every graph but none of the private ones. dba (and users given permissions) still can.
 * A specific graph cannot simply be set to 0 for nobody while nobody may read all graphs
 * (Virtuoso answers RDF99 "Default permissions ... are broader"); the private group is the way.
 */
export function privateGraphStatements(graphs: readonly string[]): string[] {
  return [
    `DB.DBA.RDF_GRAPH_GROUP_CREATE (${sqlString(PRIVATE_GRAPHS_GROUP)}, 1);`,
    ...graphs.map((g) => `DB.DBA.RDF_GRAPH_GROUP_INS (${sqlString(PRIVATE_GRAPHS_GROUP)}, ${sqlString(g)});`),
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);`,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1);`,
  ];
}

/**
 * The isql statements for a dedicated Stelsel account (docs/remote-store.md): SPARQL updates,
 * read + write (3) on every graph, the private ones included, and adding graphs to the private
 * group (the store does so for every new private graph). Without the two permission lines a new
 * SQL user may not touch the quad store at all (SR619 "has no write permission on graph"); without
 * the EXECUTE grant Virtuoso refuses `<sql:RDF_GRAPH_GROUP_INS>` (SR186 "No permission to execute
 * procedure DB.DBA.RDF_GRAPH_GROUP_INS").
 */
export function stelselUserStatements(user: string, password: string): string[] {
  return [
    `DB.DBA.USER_CREATE (${sqlString(user)}, ${sqlString(password)});`,
    `GRANT SPARQL_UPDATE TO "${user.replace(/"/g, '')}";`,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET (${sqlString(user)}, 3, 1);`,
    `DB.DBA.RDF_DEFAULT_USER_PERMS_SET (${sqlString(user)}, 3);`,
    `GRANT EXECUTE ON DB.DBA.RDF_GRAPH_GROUP_INS TO "${user.replace(/"/g, '')}";`,
  ];
}

type Admin = Pick<VirtuosoEndpoints, 'sqlPort' | 'user' | 'password'>;

/** Runs statements through isql as the admin; throws with Virtuoso's message on an error. */
export async function runSql(v: Admin, statements: readonly string[]): Promise<void> {
  const result = await isql(v.sqlPort, v.user, v.password, statements.join('\n'));
  if (result.code !== 0 || /\*\*\* Error/.test(result.output)) throw new Error(`isql failed: ${result.output.slice(0, 1000)}`);
}

/** Applies `privateGraphStatements`. */
export function makeGraphsPrivate(v: Admin, graphs: readonly string[]): Promise<void> {
  return runSql(v, privateGraphStatements(graphs));
}

/** Applies `stelselUserStatements` (a fresh account for Stelsel, instead of dba). */
export function createStelselUser(v: Admin, user: string, password: string): Promise<void> {
  return runSql(v, stelselUserStatements(user, password));
}

export function virtuosoInstalled(): boolean {
  return existsSync(VIRTUOSO_BIN) && existsSync(ISQL_BIN);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function ini(dir: string, sqlPort: number, httpPort: number): string {
  return `[Database]
DatabaseFile = ${join(dir, 'virtuoso.db')}
ErrorLogFile = ${join(dir, 'virtuoso.log')}
LockFile = ${join(dir, 'virtuoso.lck')}
TransactionFile = ${join(dir, 'virtuoso.trx')}
xa_persistent_file = ${join(dir, 'virtuoso.pxa')}
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${join(dir, 'virtuoso-temp.db')}
TransactionFile = ${join(dir, 'virtuoso-temp.trx')}
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., ${dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = ${dir}
MaxClientConnections = 20
ServerThreads = 20
MaxKeepAlives = 20
KeepAliveTimeout = 10
Charset = UTF-8

[SPARQL]
; Virtuoso silently truncates results at ResultSetMaxRows (10000 in the Debian default ini).
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
; As in the Debian default ini: makes the endpoint add "define sql:big-data-const 0", which
; the adapter must (and does) override for big INSERT DATA.
MaxQueryCostEstimationTime = 400
`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs isql-vt with `sql` on stdin (so the new password is not on a command line). */
function isql(port: number, user: string, password: string, sql: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ISQL_BIN, [`127.0.0.1:${port}`, user, password], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(`${sql}\nEXIT;\n`);
  });
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`virtuoso-t exited with code ${child.exitCode} during start-up:\n${log()}`);
    try {
      const res = await fetch(`${url}?query=${encodeURIComponent('ASK {}')}`, { signal: AbortSignal.timeout(1000) });
      await res.text();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`Virtuoso did not answer on ${url} within ${timeoutMs} ms:\n${log()}`);
}

export async function startVirtuoso(): Promise<RunningVirtuoso> {
  if (!virtuosoInstalled()) throw new Error('virtuoso-opensource not installed (apt-get install virtuoso-opensource)');
  const dir = await mkdtemp(join(tmpdir(), 'stelsel-virtuoso-'));
  const [sqlPort, httpPort] = [await freePort(), await freePort()];
  const configFile = join(dir, 'virtuoso.ini');
  await writeFile(configFile, ini(dir, sqlPort, httpPort));

  const child = spawn(VIRTUOSO_BIN, ['+foreground', '+configfile', configFile], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const base = `http://127.0.0.1:${httpPort}`;
    await waitForHttp(`${base}/sparql`, child, () => output, 60_000);
    const password = randomBytes(18).toString('hex');
    let result = { code: -1, output: '' };
    for (let attempt = 0; attempt < 20; attempt++) {
      result = await isql(sqlPort, 'dba', 'dba', `USER_SET_PASSWORD ('dba', '${password}');`);
      if (result.code === 0 && !/\*\*\* Error/.test(result.output)) break;
      await sleep(250);
    }
    if (result.code !== 0 || /\*\*\* Error/.test(result.output)) {
      throw new Error(`Could not set the Virtuoso dba password: ${result.output.slice(0, 500)}`);
    }
    // dba holds every privilege SPARQL updates need (SPARQL_UPDATE, graph write) already.
    return { queryUrl: `${base}/sparql`, updateUrl: `${base}/sparql-auth`, user: 'dba', password, dir, sqlPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
