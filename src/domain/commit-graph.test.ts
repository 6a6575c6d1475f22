import { describe, expect, it } from 'vitest';
import { CommitGraph } from './commit-graph.ts';

/** a ← b ← c ← m (merge of c and e);  b ← d ← e */
function graph() {
  const g = new CommitGraph();
  g.add('a', []);
  g.add('b', ['a']);
  g.add('c', ['b']);
  g.add('d', ['b']);
  g.add('e', ['d']);
  g.add('m', ['c', 'e']);
  return g;
}

describe('CommitGraph.mergeBase', () => {
  it('finds the fork point of two branches', () => {
    expect(graph().mergeBase('c', 'e')).toBe('b');
  });
  it('is the ancestor itself when one side contains the other', () => {
    expect(graph().mergeBase('b', 'e')).toBe('b');
    expect(graph().mergeBase('m', 'd')).toBe('d');
  });
  it('says when two histories have no common ancestor', () => {
    const g = graph();
    g.add('z', []);
    expect(g.mergeBase('z', 'm')).toBeNull();
  });
  it('says it does not know when the base lies before the known graph', () => {
    const g = new CommitGraph();
    g.add('x', ['outside-1']);
    g.add('y', ['outside-2']);
    expect(g.mergeBase('x', 'y')).toBeUndefined();
  });
});
