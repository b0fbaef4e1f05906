import { addEdge, personalizedPageRank, type WeightedGraph } from './pagerank';

function graph(edges: Array<[string, string]>, back = 0): WeightedGraph {
  const g: WeightedGraph = new Map();
  for (const [from, to] of edges) addEdge(g, from, to, 1, back);
  return g;
}

const sum = (rank: Map<string, number>) => [...rank.values()].reduce((a, b) => a + b, 0);

describe('personalizedPageRank', () => {
  it('keeps the total at 1, dangling nodes included', () => {
    expect(
      sum(
        personalizedPageRank(
          graph([
            ['a', 'b'],
            ['b', 'c'],
          ]),
          new Map([['a', 1]]),
        ),
      ),
    ).toBeCloseTo(1, 10);
  });

  it('without a personalization is plain PageRank: the node everything points at ranks first', () => {
    const rank = personalizedPageRank(
      graph([
        ['a', 'hub'],
        ['b', 'hub'],
        ['c', 'hub'],
        ['hub', 'a'],
      ]),
      new Map(),
    );
    expect([...rank].sort((x, y) => y[1] - x[1])[0][0]).toBe('hub');
  });

  it('ranks what the seed reaches above what it does not, and nearer above farther', () => {
    const rank = personalizedPageRank(
      graph([
        ['seed', 'near'],
        ['near', 'far'],
        ['other', 'elsewhere'],
      ]),
      new Map([['seed', 1]]),
    );
    expect(rank.get('near')!).toBeGreaterThan(rank.get('far')!);
    expect(rank.get('far')!).toBeGreaterThan(rank.get('elsewhere')!);
    expect(rank.get('elsewhere')).toBe(0);
  });

  it('follows an edge backwards only as much as `back` says', () => {
    const oneWay = personalizedPageRank(graph([['caller', 'seed']]), new Map([['seed', 1]]));
    const bothWays = personalizedPageRank(graph([['caller', 'seed']], 0.5), new Map([['seed', 1]]));
    expect(oneWay.get('caller')).toBe(0);
    expect(bothWays.get('caller')!).toBeGreaterThan(0);
  });
});
