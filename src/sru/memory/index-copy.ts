/**
 * An in-memory copy of one site's search index (the index graphs of search-index/model.ts), kept
 * up to date commit by commit from the embedded store's commit feed, as the public SPARQL copy is
 * (src/sparql/public-copy.ts). The SRU search answers from it with the same meaning as its SPARQL
 * over the index graphs (memory/algebra.ts against translate/patterns.ts; test/sru/memory.test.ts
 * compares the two on the same store), without a query per search:
 *
 * - every index literal is a posting: the set of products (numbers) having it;
 * - per product: its postings (to undo them), its word sequences, facet labels and date.
 *
 * First read: the index graphs of the site's products, 500 graphs per SELECT in the store's
 * tab-separated result format (the store's select() with RDF term objects took 4.6x as long for
 * 500 graphs, 80 819 rows), each read while the store is idle. Commits that arrive meanwhile are
 * kept and applied afterwards: every op sets the presence of the quads it names (clear, delete,
 * insert), so replaying them in order over a read made at any moment in between gives the state
 * after the last of them.
 */
import { graphOfLine, decodePayload, type Op } from '../../shared/store/embedded/ops.js';
import type { CommitFeed } from '../../shared/store/port.js';
import { STELSEL, RDF_ } from '../../shared/rdf/vocab.js';
import type { UriPolicy } from '../../shared/uri.js';
import { dictionaryPrefix, indexGraphOf, PAIR_FIELDS, TEXT_FIELDS } from '../../catalog/search-index/index.js';
import { fromIds, ids as idsOf, type Bits } from './bits.js';

/** Kinds of index literal, by predicate: word (zoekterm), value (zoekwaarde), text (zoektekst), label (zoeklabel), date (zoekdatum). */
export type Kind = 't' | 'v' | 'x' | 'l' | 'd';
const KIND_OF = new Map<string, Kind>([
  [STELSEL.zoekterm.value, 't'], [STELSEL.zoekwaarde.value, 'v'], [STELSEL.zoektekst.value, 'x'],
  [STELSEL.zoeklabel.value, 'l'], [STELSEL.zoekdatum.value, 'd'],
]);

/** A posting with more products than this keeps them as a bit set (else as a short list). */
const LIST_MAX = 128;

/**
 * The products having one index literal: a short list, or a bit set once it has more than
 * LIST_MAX products (with room to grow, so new products rarely reallocate it).
 */
export class Posting {
  private list: number[] | null = [];
  private big: Uint32Array | null = null;
  size = 0;
  /** Facet labels: a slot in the count array of a search. */
  slot = -1;
  /** Dates: the day as a number in date order (dayNumber()), computed once. */
  private dayCache = -1;
  constructor(readonly kind: Kind, readonly value: string) {}

  get day(): number {
    if (this.dayCache < 0) this.dayCache = dayNumber(this.value);
    return this.dayCache;
  }

  has(id: number): boolean {
    if (this.list) return this.list.includes(id);
    const b = this.big!;
    return id >>> 5 < b.length && (b[id >>> 5]! & (1 << (id & 31))) !== 0;
  }

  /** Adds the product (false when it was there). `capacity`: the copy's capacity. */
  add(id: number, capacity: number): boolean {
    if (this.has(id)) return false;
    if (this.list && this.list.length < LIST_MAX) this.list.push(id);
    else {
      if (this.list) {
        this.big = new Uint32Array(roomFor(capacity));
        for (const x of this.list) this.big[x >>> 5]! |= 1 << (x & 31);
        this.list = null;
      }
      if (id >>> 5 >= this.big!.length) {
        const grown = new Uint32Array(roomFor(capacity));
        grown.set(this.big!);
        this.big = grown;
      }
      this.big![id >>> 5]! |= 1 << (id & 31);
    }
    this.size++;
    return true;
  }

  delete(id: number): boolean {
    if (!this.has(id)) return false;
    if (this.list) {
      const i = this.list.indexOf(id);
      this.list[i] = this.list[this.list.length - 1]!;
      this.list.pop();
    } else this.big![id >>> 5]! &= ~(1 << (id & 31));
    this.size--;
    return true;
  }

  /** The products as a bit set of `words` words (the stored set itself when large: read only). */
  bits(words: number): Bits {
    if (this.list) return fromIds(this.list, words);
    const b = this.big!;
    if (b.length >= words) return b.subarray(0, words);
    const out = new Uint32Array(words);
    out.set(b);
    return out;
  }

  /** The products, ascending. */
  ids(): number[] {
    return this.list ? [...this.list].sort((a, b) => a - b) : idsOf(this.big!);
  }
}

/** Words for a bit set of a copy with this capacity, with room to grow. */
const roomFor = (capacity: number) => Math.ceil((capacity * 1.25 + 1024) / 32);

/** YYYY-MM-DD as a number in date order (1 and up; 0 is left for "no date"). */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? Number(m[1]) * 372 + (Number(m[2]) - 1) * 31 + Number(m[3]) : 0;
}

/** Larger than every dayNumber(). */
export const DAYS = 10_000 * 372 + 1;

export interface Entry {
  readonly id: number;
  readonly graph: string;
  iri: string;
  readonly postings: Posting[];
  readonly texts: Posting[];
  readonly labels: Posting[];
  readonly dates: Posting[];
  /**
   * The adjacent word pairs of its word sequences in fields without pair words (productHTML),
   * as sorted numbers (pairKey()): a two-word phrase there is one binary search per candidate.
   */
  pairs: Float64Array;
}

/** Fields whose word sequences the copy keeps as pair numbers (the full-text fields without pair words in the index). */
const SEQUENCE_FIELDS = TEXT_FIELDS.filter((f) => !PAIR_FIELDS.has(f)).map((f) => `${f}:`);
/** Word numbers stay below this, so a pair number (first * WORD_LIMIT + second) is exact in a double. */
const WORD_LIMIT = 2 ** 26;
/** Pair postings kept (IndexCopy.pairPosting). */
const PAIR_POSTINGS = 1024;

const TSV = 'text/tab-separated-values';
const NO_PAIRS = new Float64Array(0);
const BATCH = 500;

export class IndexCopy {
  /** Per kind: index literal -> posting. */
  private readonly postings: Record<Kind, Map<string, Posting>> = { t: new Map(), v: new Map(), x: new Map(), l: new Map(), d: new Map() };
  private readonly entries: (Entry | undefined)[] = [];
  private readonly byGraph = new Map<string, Entry>();
  private readonly free: number[] = [];
  /** Single words of each full-text field by their first letters (dictionaryPrefix(); "" when shorter), for masks. */
  private readonly words = new Map<string, Map<string, Set<Posting>>>();
  private readonly labelSlots: (Posting | undefined)[] = [];
  private readonly pairPostings = new Map<number, Posting>();
  /** Numbers of the words of SEQUENCE_FIELDS sequences (never reused). */
  private readonly wordNumbers = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private version = 0;
  private rank: { version: number; of: Int32Array; byRank: Int32Array } | null = null;
  /** The product IRI of each number, kept after the product goes (until another takes the number). */
  private readonly iriOf: string[] = [];
  private state: 'filling' | 'ready' | 'failed' = 'filling';
  private unsubscribe: () => void = () => undefined;
  private readonly graphPrefix: string;
  private readonly productPrefix: string;
  readonly ready: Promise<boolean>;

  private constructor(private readonly feed: CommitFeed, uris: UriPolicy) {
    this.graphPrefix = `${uris.searchIndexGraph.value}/`;
    this.productPrefix = uris.url('/id/product/');
    this.ready = this.fill(uris).then(
      () => {
        this.state = 'ready';
        return true;
      },
      () => {
        this.state = 'failed';
        this.unsubscribe();
        return false;
      },
    );
  }

  static open(feed: CommitFeed, uris: UriPolicy): IndexCopy {
    return new IndexCopy(feed, uris);
  }

  /** True when searches can be answered from the copy. */
  isReady(): boolean {
    return this.state === 'ready';
  }

  close(): void {
    this.unsubscribe();
    this.state = 'failed';
  }

  // ------------------------------------------------------------------ reading

  /** The capacity of bit sets (one past the largest product number). */
  get capacity(): number {
    return this.entries.length;
  }

  entry(id: number): Entry | undefined {
    return this.entries[id];
  }

  posting(kind: Kind, value: string): Posting | undefined {
    return this.postings[kind].get(value);
  }

  /** Every posting of a kind (for masks over values and word sequences). */
  kindPostings(kind: Kind): Iterable<Posting> {
    return this.postings[kind].values();
  }

  /** The single words of a full-text field, those starting with `prefix` (dictionaryPrefix() letters) or all. */
  *wordPostings(field: string, prefix: string | null): Iterable<Posting> {
    const byPrefix = this.words.get(field);
    if (!byPrefix) return;
    if (prefix !== null) {
      yield* byPrefix.get(prefix) ?? [];
      return;
    }
    for (const set of byPrefix.values()) yield* set;
  }

  /** The posting as a bit set of `words` words (read only). */
  bitsOf(p: Posting | undefined, words: number): Bits {
    return p ? p.bits(words) : new Uint32Array(words);
  }

  /**
   * The number of the pair of words `first second` within one sequence of `field` (one of the
   * fields without pair words), or undefined when no sequence has both words.
   */
  pairKey(field: string, first: string, second: string): number | undefined {
    const a = this.wordNumbers.get(`${field}:${first}`);
    const b = this.wordNumbers.get(`${field}:${second}`);
    return a === undefined || b === undefined ? undefined : a * WORD_LIMIT + b;
  }

  /**
   * The products with the pair (pairKey()) in a sequence of a field without pair words: built on
   * first use by one pass over the products, then kept up to date with every change of a
   * product's sequences; at most PAIR_POSTINGS pairs are kept (least recently used goes).
   */
  pairPosting(pair: number): Posting {
    const hit = this.pairPostings.get(pair);
    if (hit) {
      this.pairPostings.delete(pair);
      this.pairPostings.set(pair, hit);
      return hit;
    }
    const p = new Posting('t', '');
    for (const e of this.entries) if (e && IndexCopy.hasPair(e, pair)) p.add(e.id, this.capacity);
    if (this.pairPostings.size >= PAIR_POSTINGS) this.pairPostings.delete(this.pairPostings.keys().next().value!);
    this.pairPostings.set(pair, p);
    return p;
  }

  /** True when the product has the pair (pairKey()) in a sequence of a field without pair words. */
  static hasPair(e: Entry, pair: number): boolean {
    const a = e.pairs;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = a[mid]!;
      if (v === pair) return true;
      if (v < pair) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private updatePairs(e: Entry): void {
    const keys = new Set<number>();
    for (const t of e.texts) {
      const field = SEQUENCE_FIELDS.find((f) => t.value.startsWith(f));
      if (!field) continue;
      let prev: number | undefined;
      for (const w of t.value.slice(field.length).split(' ')) {
        if (!w) continue;
        const id = `${field}${w}`;
        let n = this.wordNumbers.get(id);
        if (n === undefined && this.wordNumbers.size < WORD_LIMIT) this.wordNumbers.set(id, (n = this.wordNumbers.size));
        if (prev !== undefined && n !== undefined) keys.add(prev * WORD_LIMIT + n);
        prev = n;
      }
    }
    e.pairs = Float64Array.from(keys).sort();
    for (const [pair, p] of this.pairPostings) {
      if (keys.has(pair)) p.add(e.id, this.capacity);
      else p.delete(e.id);
    }
  }

  /** Facet label postings by slot. */
  labelOfSlot(slot: number): Posting | undefined {
    return this.labelSlots[slot];
  }

  get slots(): number {
    return this.labelSlots.length;
  }

  /**
   * Each product's place in product IRI order (code point order, as SPARQL orders IRIs),
   * recomputed when products came or went.
   */
  iriRank(): { of: Int32Array; byRank: Int32Array } {
    if (this.rank?.version === this.version) return this.rank;
    // Every number that ever had an IRI, so a number taken again by the same product keeps its place.
    const numbers = [...this.iriOf.keys()].filter((id) => this.iriOf[id] !== undefined);
    numbers.sort((a, b) => compareCodePoints(this.iriOf[a]!, this.iriOf[b]!));
    const of = new Int32Array(this.entries.length);
    const byRank = new Int32Array(numbers.length);
    numbers.forEach((id, i) => {
      of[id] = i;
      byRank[i] = id;
    });
    this.rank = { version: this.version, of, byRank };
    return this.rank;
  }

  // ------------------------------------------------------------------ filling

  private async fill(uris: UriPolicy): Promise<void> {
    let buffered: Buffer[] | null = [];
    let graphs: string[] = [];
    await this.feed.whenIdle(async () => {
      this.unsubscribe = this.feed.onCommit((payload) => {
        if (buffered) buffered.push(payload);
        else if (this.state !== 'failed') this.follow(payload);
      });
      const text = this.feed.selectText(`SELECT ?g WHERE { GRAPH ?g { ?s <${RDF_.type.value}> <${STELSEL.Product.value}> } }`, TSV);
      const seen = new Set<string>();
      for (const line of text.split('\n').slice(1)) {
        const g = line.startsWith('<') ? line.slice(1, line.lastIndexOf('>')) : '';
        const index = g ? indexGraphOf(uris, { termType: 'NamedNode', value: g } as Parameters<typeof indexGraphOf>[1]) : null;
        if (index && index.value.startsWith(this.graphPrefix) && !seen.has(index.value)) seen.add(index.value);
      }
      graphs = [...seen];
    });
    for (let i = 0; i < graphs.length; i += BATCH) {
      const values = graphs.slice(i, i + BATCH).map((g) => `<${g}>`).join(' ');
      await this.feed.whenIdle(async () => {
        const text = this.feed.selectText(`SELECT ?g ?s ?p ?o WHERE { VALUES ?g { ${values} } GRAPH ?g { ?s ?p ?o } }`, TSV);
        this.loadRows(text);
      });
      await new Promise((r) => setImmediate(r));
    }
    const pending = buffered;
    buffered = null;
    for (const payload of pending) this.apply(payload);
  }

  /** Applies a commit; a copy that could not apply one is out of date and is never used again. */
  private follow(payload: Buffer): void {
    try {
      this.apply(payload);
    } catch {
      this.state = 'failed';
      this.unsubscribe();
    }
  }

  private loadRows(tsv: string): void {
    let start = tsv.indexOf('\n') + 1; // after the header
    while (start > 0 && start < tsv.length) {
      let end = tsv.indexOf('\n', start);
      if (end < 0) end = tsv.length;
      const line = tsv.slice(start, end);
      start = end + 1;
      const cols = line.split('\t');
      if (cols.length !== 4) continue;
      const g = iriOf(cols[0]!);
      const s = iriOf(cols[1]!);
      const p = iriOf(cols[2]!);
      const o = literalOf(cols[3]!);
      if (g !== null && s !== null && p !== null && o !== null) this.add(g, s, p, o);
    }
  }

  // ------------------------------------------------------------------ following commits

  private apply(payload: Buffer): void {
    const ops: Op[] = decodePayload(payload).o;
    for (const op of ops) {
      if (op[0] === 'c') {
        const e = this.byGraph.get(op[1]);
        if (e) this.drop(e);
        continue;
      }
      const text = op[1];
      // Cheap test first: most writes touch no index graph.
      if (!text.includes(this.graphPrefix)) continue;
      for (const line of text.split('\n')) {
        const g = graphOfLine(line);
        if (g === undefined || !g.startsWith(this.graphPrefix)) continue;
        const q = parseIndexLine(line, g);
        if (!q) continue;
        if (op[0] === 'd') this.remove(g, q.s, q.p, q.o);
        else this.add(g, q.s, q.p, q.o);
      }
    }
  }

  // ------------------------------------------------------------------ changes

  private add(graph: string, subject: string, predicate: string, object: string): void {
    const kind = KIND_OF.get(predicate);
    if (!kind || !subject.startsWith(this.productPrefix)) return;
    let e = this.byGraph.get(graph);
    if (!e) {
      const id = this.free.pop() ?? this.entries.length;
      e = { id, graph: own(graph), iri: this.iriOf[id] === subject ? this.iriOf[id]! : own(subject), postings: [], texts: [], labels: [], dates: [], pairs: NO_PAIRS };
      this.entries[id] = e;
      this.byGraph.set(e.graph, e);
      if (this.iriOf[id] !== subject) this.renamed(id, e.iri);
    } else if (e.iri !== subject) {
      // One product per index graph: a graph that changes subject holds the new product.
      e.iri = own(subject);
      this.renamed(e.id, e.iri);
    }
    const map = this.postings[kind];
    let p = map.get(object);
    if (!p) {
      p = new Posting(kind, own(object));
      map.set(p.value, p);
      this.register(p);
    }
    if (!p.add(e.id, this.capacity)) return;
    e.postings.push(p);
    if (kind === 'x') {
      e.texts.push(p);
      if (SEQUENCE_FIELDS.some((f) => object.startsWith(f))) this.updatePairs(e);
    } else if (kind === 'l') e.labels.push(p);
    else if (kind === 'd') {
      e.dates.push(p);
      this.setDay(e);
    }
  }

  /**
   * The day (dayNumber(), 0: none) of each product number, in one typed array: ordering tens of
   * thousands of matches then reads no product object.
   */
  days = new Int32Array(1024);

  private setDay(e: Entry): void {
    if (e.id >= this.days.length) {
      const grown = new Int32Array(Math.max(e.id + 1, Math.ceil(this.days.length * 1.5)));
      grown.set(this.days);
      this.days = grown;
    }
    this.days[e.id] = e.dates.length ? e.dates[0]!.day : 0;
  }

  /** A product number now stands for another IRI: the IRI order must be made again. */
  private renamed(id: number, iri: string): void {
    this.iriOf[id] = iri;
    this.version++;
  }

  private remove(graph: string, _subject: string, predicate: string, object: string): void {
    const kind = KIND_OF.get(predicate);
    const e = this.byGraph.get(graph);
    const p = kind ? this.postings[kind].get(object) : undefined;
    if (!e || !p || !p.has(e.id)) return;
    this.unlink(e, p);
    for (const list of [e.postings, e.texts, e.labels, e.dates]) {
      const i = list.indexOf(p);
      if (i >= 0) list.splice(i, 1);
    }
    if (p.kind === 'x' && SEQUENCE_FIELDS.some((f) => p.value.startsWith(f))) this.updatePairs(e);
    if (p.kind === 'd') this.setDay(e);
    if (!e.postings.length) this.release(e);
  }

  /** Every index literal of the product goes (its graph was cleared). */
  private drop(e: Entry): void {
    for (const p of e.postings) this.unlink(e, p);
    e.postings.length = 0;
    e.dates.length = 0;
    this.setDay(e);
    this.release(e);
  }

  /** The number is free again; it keeps its IRI (and place in IRI order) until another product takes it. */
  private release(e: Entry): void {
    for (const p of this.pairPostings.values()) p.delete(e.id);
    this.byGraph.delete(e.graph);
    this.entries[e.id] = undefined;
    this.free.push(e.id);
  }

  private unlink(e: Entry, p: Posting): void {
    p.delete(e.id);
    if (p.size === 0) {
      this.postings[p.kind].delete(p.value);
      this.unregister(p);
    }
  }

  /** Field and dictionaryPrefix() of a single word of a full-text field (null for anything else). */
  private wordGroup(p: Posting): [string, string] | null {
    if (p.kind !== 't') return null;
    const colon = p.value.indexOf(':');
    const word = p.value.slice(colon + 1);
    if (colon < 0 || word.includes(' ')) return null;
    return [p.value.slice(0, colon), dictionaryPrefix(word) ?? ''];
  }

  private register(p: Posting): void {
    const g = this.wordGroup(p);
    if (g) {
      let byPrefix = this.words.get(g[0]);
      if (!byPrefix) this.words.set(g[0], (byPrefix = new Map()));
      let set = byPrefix.get(g[1]);
      if (!set) byPrefix.set(g[1], (set = new Set()));
      set.add(p);
    }
    if (p.kind === 'l') {
      p.slot = this.freeSlots.pop() ?? this.labelSlots.length;
      this.labelSlots[p.slot] = p;
    }
  }

  private unregister(p: Posting): void {
    const g = this.wordGroup(p);
    if (g) {
      const byPrefix = this.words.get(g[0]);
      const set = byPrefix?.get(g[1]);
      set?.delete(p);
      if (set && !set.size) byPrefix!.delete(g[1]);
    }
    if (p.kind === 'l' && p.slot >= 0) {
      this.labelSlots[p.slot] = undefined;
      this.freeSlots.push(p.slot);
      p.slot = -1;
    }
  }
}

/**
 * A copy of a string that does not keep a larger one alive: a substring of a result or journal
 * text may share that whole text's memory, which a long-lived index literal must not.
 */
function own(s: string): string {
  // A JSON round trip copies every UTF-16 unit as it is (a UTF-8 round trip would not).
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

// -------------------------------------------------------------------- terms

/** Code point order (SPARQL's order of IRIs), not UTF-16 unit order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800-DFFF, part of a code point above U+FFFF) sorts after U+E000-FFFF.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function iriOf(term: string): string | null {
  return term.length > 1 && term.startsWith('<') && term.endsWith('>') ? unescapeText(term.slice(1, -1)) : null;
}

/** The lexical form of a literal term in N-Triples syntax ("..." with an optional datatype or language). */
function literalOf(term: string): string | null {
  if (!term.startsWith('"')) return null;
  const close = term.lastIndexOf('"');
  if (close <= 0) return null;
  return unescapeText(term.slice(1, close));
}

const ESCAPES: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', '"': '"', "'": "'", '\\': '\\' };

function unescapeText(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[i + 1] ?? '';
    if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(s.slice(i + 2, i + 2 + len), 16));
      i += 1 + len;
    } else {
      out += ESCAPES[n] ?? n;
      i++;
    }
  }
  return out;
}

/** Subject, predicate and literal object of an N-Quads line of a known graph (null when the object is not a literal). */
function parseIndexLine(line: string, graph: string): { s: string; p: string; o: string } | null {
  const first = line.indexOf(' ');
  const second = line.indexOf(' ', first + 1);
  if (first < 0 || second < 0) return null;
  const s = iriOf(line.slice(0, first));
  const p = iriOf(line.slice(first + 1, second));
  const tail = line.lastIndexOf(` <${graph}> .`);
  if (tail < 0) return null;
  const o = literalOf(line.slice(second + 1, tail));
  return s !== null && p !== null && o !== null ? { s, p, o } : null;
}
