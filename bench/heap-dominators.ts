/**
 * What holds a node's memory, from a V8 heap snapshot: the dominator tree (an object dominates
 * another when every path from the roots to it passes through it; what it retains is what would be
 * freed with it), printed down to a size, and for the classes asked for, what their retained
 * memory is made of. Weak edges are not followed, as in the DevTools.
 *
 *   node --max-old-space-size=16000 dist/bench/heap-dominators.js <file.heapsnapshot> [min MB=8] [class regexp]
 *
 * Take the snapshot from a running node with `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>`
 * among its flags (`ATTUNE_BENCH_NODE_FLAGS` for the benchmarks' nodes) and `kill -USR2 <pid>`. The
 * file is read a piece at a time: a snapshot of a 1 GB heap is larger than the longest string V8
 * can parse in one go.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const [file, minArgument = '8', classes] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: heap-dominators <file.heapsnapshot> [min MB] [class regexp]');

/**
 * Reads a snapshot file forwards, a chunk at a time. While `mark` is set, the bytes from it on are
 * kept (a string being read), and it moves with them when a chunk is read.
 */
class Reader {
  readonly #fd: number;
  #buffer = Buffer.alloc(0);
  #filePosition = 0;
  position = 0;
  mark = -1;

  constructor(path: string) {
    this.#fd = openSync(path, 'r');
  }

  /** The byte at the position, reading on when needed (-1 at the end of the file). */
  peek(): number {
    if (this.position >= this.#buffer.length && !this.#more()) return -1;
    return this.#buffer[this.position] as number;
  }

  /** Moves past the next `text`. */
  skipPast(text: string): void {
    for (;;) {
      const found = this.#buffer.indexOf(text, this.position);
      if (found >= 0) {
        this.position = found + text.length;
        return;
      }
      this.position = Math.max(this.position, this.#buffer.length - text.length);
      if (!this.#more()) throw new Error(`${text} not found`);
    }
  }

  /** The text from the mark to the position. */
  marked(): string {
    return this.#buffer.toString('utf8', this.mark, this.position);
  }

  close(): void {
    closeSync(this.#fd);
  }

  #more(): boolean {
    const chunk = Buffer.allocUnsafe(1 << 24);
    const read = readSync(this.#fd, chunk, 0, chunk.length, this.#filePosition);
    if (read === 0) return false;
    this.#filePosition += read;
    const keepFrom = this.mark >= 0 ? this.mark : this.position;
    this.#buffer = Buffer.concat([this.#buffer.subarray(keepFrom), chunk.subarray(0, read)]);
    this.position -= keepFrom;
    if (this.mark >= 0) this.mark -= keepFrom;
    return true;
  }
}

interface Meta {
  node_fields: string[];
  node_types: [string[]];
  edge_fields: string[];
  edge_types: [string[]];
}

const reader = new Reader(file);
reader.skipPast('"snapshot":');
const header = readObject(reader) as { meta: Meta; node_count: number; edge_count: number };
const { meta } = header;
const nodeFields = meta.node_fields.length;
const edgeFields = meta.edge_fields.length;
const nodes = readNumbers(reader, 'nodes', new Float64Array(header.node_count * nodeFields));
const edges = readNumbers(reader, 'edges', new Uint32Array(header.edge_count * edgeFields));
const strings = readStrings(reader);
reader.close();

const TYPE = meta.node_fields.indexOf('type');
const NAME = meta.node_fields.indexOf('name');
const SELF = meta.node_fields.indexOf('self_size');
const EDGE_COUNT = meta.node_fields.indexOf('edge_count');
const EDGE_TYPE = meta.edge_fields.indexOf('type');
const EDGE_NAME = meta.edge_fields.indexOf('name_or_index');
const EDGE_TO = meta.edge_fields.indexOf('to_node');
const edgeTypes = meta.edge_types[0];
const WEAK = edgeTypes.indexOf('weak');
const BY_INDEX = new Set([edgeTypes.indexOf('element'), edgeTypes.indexOf('hidden')]);
const count = header.node_count;

const firstEdge = new Float64Array(count + 1);
for (let node = 0; node < count; node += 1)
  firstEdge[node + 1] =
    (firstEdge[node] as number) + (nodes[node * nodeFields + EDGE_COUNT] as number) * edgeFields;
const target = (edge: number) => (edges[edge + EDGE_TO] as number) / nodeFields;
const strong = (edge: number) => edges[edge + EDGE_TYPE] !== WEAK;

const { order, postIndex } = postOrder();
const dominator = dominators();
const retained = new Float64Array(order.length);
for (let at = 0; at < order.length; at += 1)
  retained[at] = nodes[(order[at] as number) * nodeFields + SELF] as number;
const root = postIndex[0] as number;
for (let at = 0; at < order.length; at += 1)
  if (at !== root) {
    const parent = dominator[at] as number;
    retained[parent] = (retained[parent] as number) + (retained[at] as number);
  }

const minBytes = Number(minArgument) * 1e6;
const children = new Map<number, number[]>();
for (let at = 0; at < order.length; at += 1) {
  if (at === root || (retained[at] as number) < minBytes) continue;
  const parent = dominator[at] as number;
  children.set(parent, [...(children.get(parent) ?? []), at]);
}
console.log(`reachable: ${order.length} objects, ${megabytes(retained[root] as number)}`);
printTree(root, '');
if (classes !== undefined) printComposition(new RegExp(classes));

function printTree(at: number, indent: string): void {
  const below = (children.get(at) ?? []).sort((a, b) => (retained[b] as number) - (retained[a] as number));
  for (const child of below) {
    console.log(`${indent}${megabytes(retained[child] as number)}  ${edgeName(at, child)} → ${label(child)}`);
    printTree(child, `${indent}  `);
  }
}

/** For each object whose label matches, what the objects it dominates are, by type and name. */
function printComposition(pattern: RegExp): void {
  const firstChild = new Int32Array(order.length).fill(-1);
  const nextSibling = new Int32Array(order.length).fill(-1);
  for (let at = 0; at < order.length; at += 1) {
    if (at === root) continue;
    nextSibling[at] = firstChild[dominator[at] as number] as number;
    firstChild[dominator[at] as number] = at;
  }
  for (let at = 0; at < order.length; at += 1) {
    if (!pattern.test(label(at)) || (retained[at] as number) < 1e6) continue;
    const parts = new Map<string, { bytes: number; objects: number }>();
    const stack = [at];
    while (stack.length > 0) {
      const next = stack.pop() as number;
      const key = label(next).slice(0, 50);
      const part = parts.get(key) ?? { bytes: 0, objects: 0 };
      part.bytes += nodes[(order[next] as number) * nodeFields + SELF] as number;
      part.objects += 1;
      parts.set(key, part);
      for (let child = firstChild[next] as number; child >= 0; child = nextSibling[child] as number)
        stack.push(child);
    }
    console.log(`\n${label(at)}: ${megabytes(retained[at] as number)}`);
    for (const [key, { bytes, objects }] of [...parts].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 12))
      console.log(`  ${megabytes(bytes)}  ${objects} × ${key}`);
  }
}

/** Nodes reachable from the root over strong edges, in post-order, and each node's place in it. */
function postOrder(): { order: Uint32Array; postIndex: Int32Array } {
  const postIndex = new Int32Array(count).fill(-1);
  const order = new Uint32Array(count);
  const stack = new Uint32Array(count);
  const nextEdge = new Float64Array(count);
  const seen = new Uint8Array(count);
  let depth = 0;
  let placed = 0;
  stack[depth++] = 0;
  seen[0] = 1;
  nextEdge[0] = firstEdge[0] as number;
  while (depth > 0) {
    const node = stack[depth - 1] as number;
    const edge = nextEdge[node] as number;
    if (edge < (firstEdge[node + 1] as number)) {
      nextEdge[node] = edge + edgeFields;
      const to = target(edge);
      if (!strong(edge) || seen[to] === 1) continue;
      seen[to] = 1;
      nextEdge[to] = firstEdge[to] as number;
      stack[depth++] = to;
    } else {
      depth -= 1;
      postIndex[node] = placed;
      order[placed++] = node;
    }
  }
  return { order: order.subarray(0, placed), postIndex };
}

/** Each node's immediate dominator, by post-order index (Cooper, Harvey and Kennedy's iteration). */
function dominators(): Int32Array {
  const predecessorStart = new Float64Array(count + 1);
  for (const node of order)
    for (let edge = firstEdge[node] as number; edge < (firstEdge[node + 1] as number); edge += edgeFields)
      if (strong(edge)) {
        const to = target(edge) + 1;
        predecessorStart[to] = (predecessorStart[to] as number) + 1;
      }
  for (let node = 0; node < count; node += 1)
    predecessorStart[node + 1] = (predecessorStart[node + 1] as number) + (predecessorStart[node] as number);
  const predecessors = new Uint32Array(predecessorStart[count] as number);
  const filled = predecessorStart.slice(0, count);
  for (const node of order)
    for (let edge = firstEdge[node] as number; edge < (firstEdge[node + 1] as number); edge += edgeFields)
      if (strong(edge)) predecessors[(filled[target(edge)] as number)++] = node;
  const dominator = new Int32Array(order.length).fill(-1);
  const start = postIndex[0] as number;
  dominator[start] = start;
  for (let changed = true; changed;) {
    changed = false;
    for (let at = order.length - 1; at >= 0; at -= 1) {
      if (at === start) continue;
      const node = order[at] as number;
      let chosen = -1;
      for (let k = predecessorStart[node] as number; k < (predecessorStart[node + 1] as number); k += 1) {
        const from = postIndex[predecessors[k] as number] as number;
        if (from < 0 || dominator[from] === -1) continue;
        chosen = chosen < 0 ? from : intersect(dominator, from, chosen);
      }
      if (chosen >= 0 && dominator[at] !== chosen) {
        dominator[at] = chosen;
        changed = true;
      }
    }
  }
  return dominator;
}

function intersect(dominator: Int32Array, a: number, b: number): number {
  while (a !== b) {
    while (a < b) a = dominator[a] as number;
    while (b < a) b = dominator[b] as number;
  }
  return a;
}

function label(at: number): string {
  const node = (order[at] as number) * nodeFields;
  return `${meta.node_types[0][nodes[node + TYPE] as number]}:${String(strings[nodes[node + NAME] as number]).slice(0, 60)}`;
}

/** The name of the edge from one node to another (an index for elements and hidden edges). */
function edgeName(from: number, to: number): string {
  const [source, sink] = [order[from] as number, order[to] as number];
  for (let edge = firstEdge[source] as number; edge < (firstEdge[source + 1] as number); edge += edgeFields) {
    if (target(edge) !== sink) continue;
    const name = edges[edge + EDGE_NAME] as number;
    return BY_INDEX.has(edges[edge + EDGE_TYPE] as number) ? `[${name}]` : String(strings[name]).slice(0, 40);
  }
  return '(through others)';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The JSON object starting at the reader's position (small: the snapshot's header). */
function readObject(from: Reader): unknown {
  from.skipPast('{');
  from.mark = from.position - 1;
  for (let depth = 1; depth > 0; from.position += 1) {
    const byte = from.peek();
    if (byte === 123) depth += 1;
    else if (byte === 125) depth -= 1;
  }
  const text = from.marked();
  from.mark = -1;
  return JSON.parse(text);
}

/** The array of unsigned integers under `key`, into `into`. */
function readNumbers<T extends Float64Array | Uint32Array>(from: Reader, key: string, into: T): T {
  from.skipPast(`"${key}":[`);
  let filled = 0;
  let value = 0;
  let inNumber = false;
  for (;;) {
    const byte = from.peek();
    from.position += 1;
    if (byte >= 48 && byte <= 57) {
      value = value * 10 + byte - 48;
      inNumber = true;
      continue;
    }
    if (inNumber) into[filled++] = value;
    value = 0;
    inNumber = false;
    if (byte === 93 || byte === -1) return into;
  }
}

/** The snapshot's strings, each parsed on its own. */
function readStrings(from: Reader): string[] {
  from.skipPast('"strings":[');
  const found: string[] = [];
  let escaped = false;
  for (;;) {
    const byte = from.peek();
    if (byte === -1) return found;
    from.position += 1;
    if (from.mark >= 0) {
      if (escaped) escaped = false;
      else if (byte === 92) escaped = true;
      else if (byte === 34) {
        found.push(JSON.parse(from.marked()) as string);
        from.mark = -1;
      }
    } else if (byte === 34) from.mark = from.position - 1;
    else if (byte === 93) return found;
  }
}
