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
  const restartTo = normalized(personalization.size ? personalization : new Map(nodes.map((n) => [n, 1])));
  const outWeight = new Map(nodes.map((n) => [n, [...graph.get(n)!.values()].reduce((a, b) => a + b, 0)]));
  let rank = new Map(restartTo);
  for (let i = 0; i < iterations; i++) {
    const next = new Map<string, number>();
    let dangling = 0;
    for (const [node, value] of rank) {
      const total = outWeight.get(node) ?? 0;
      if (total === 0) {
        dangling += value;
        continue;
      }
      for (const [neighbour, weight] of graph.get(node)!) {
        next.set(neighbour, (next.get(neighbour) ?? 0) + ((1 - restart) * value * weight) / total);
      }
      dangling += restart * value;
    }
    for (const [node, share] of restartTo) next.set(node, (next.get(node) ?? 0) + dangling * share);
    rank = next;
  }
  return rank;
}

function normalized(values: Map<string, number>): Map<string, number> {
  const total = [...values.values()].reduce((a, b) => a + b, 0) || 1;
  return new Map([...values].map(([key, value]) => [key, value / total]));
}

/** Adds an edge's weight in both directions, `back` times as much against the edge's direction. */
export function addEdge(graph: WeightedGraph, from: string, to: string, weight: number, back: number): void {
  for (const [a, b, w] of [[from, to, weight], [to, from, weight * back]] as const) {
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.has(b)) graph.set(b, new Map());
    if (w > 0) graph.get(a)!.set(b, (graph.get(a)!.get(b) ?? 0) + w);
  }
}
