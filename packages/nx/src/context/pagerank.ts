/** A weighted directed graph by node id: node → (neighbour → weight). */
export type WeightedGraph = Map<string, Map<string, number>>;

/**
 * Personalised PageRank by power iteration: a walker follows edges in proportion to their weight and, with
 * probability `restart` (or at a node without edges), jumps back to a node drawn from `personalization`.
 * With an empty personalization every node is an equally likely restart: plain PageRank, as in aider's map.
 */
export function personalizedPageRank(
  graph: WeightedGraph,
  personalization: Map<string, number>,
  { restart = 0.3, iterations = 40 }: { restart?: number; iterations?: number } = {},
): Map<string, number> {
  const nodes = [...graph.keys()];
  const id = new Map(nodes.map((node, i) => [node, i]));
  const restartTo = new Float64Array(nodes.length);
  for (const [node, share] of normalized(personalization.size ? personalization : new Map(nodes.map((n) => [n, 1])))) {
    if (id.has(node)) restartTo[id.get(node)!] = share;
  }
  // Edges as flat arrays (each node's targets and their transition probabilities): the loop below runs often.
  const starts = new Int32Array(nodes.length + 1);
  const targets: number[] = [];
  const probabilities: number[] = [];
  nodes.forEach((node, i) => {
    const edges = graph.get(node)!;
    const total = [...edges.values()].reduce((a, b) => a + b, 0);
    for (const [neighbour, weight] of edges) {
      targets.push(id.get(neighbour)!);
      probabilities.push(weight / total);
    }
    starts[i + 1] = targets.length;
  });
  let rank = Float64Array.from(restartTo);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const next = new Float64Array(nodes.length);
    let jump = 0;
    for (let i = 0; i < nodes.length; i++) {
      const value = rank[i];
      if (starts[i] === starts[i + 1]) {
        jump += value;
        continue;
      }
      for (let e = starts[i]; e < starts[i + 1]; e++) next[targets[e]] += (1 - restart) * value * probabilities[e];
      jump += restart * value;
    }
    for (let i = 0; i < nodes.length; i++) next[i] += jump * restartTo[i];
    rank = next;
  }
  return new Map(nodes.map((node, i) => [node, rank[i]]));
}

function normalized(values: Map<string, number>): Map<string, number> {
  const total = [...values.values()].reduce((a, b) => a + b, 0) || 1;
  return new Map([...values].map(([key, value]) => [key, value / total]));
}

/** Adds an edge's weight in both directions, `back` times as much against the edge's direction. */
export function addEdge(graph: WeightedGraph, from: string, to: string, weight: number, back: number): void {
  for (const [a, b, w] of [
    [from, to, weight],
    [to, from, weight * back],
  ] as const) {
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.has(b)) graph.set(b, new Map());
    if (w > 0) graph.get(a)!.set(b, (graph.get(a)!.get(b) ?? 0) + w);
  }
}
