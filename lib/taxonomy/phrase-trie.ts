/**
 * The taxonomy's folded phrasings as one trie in flat typed arrays: a node is an index, its children
 * a short run of (character, node) edges. A search steps from node to node through a few adjacent
 * array cells instead of chasing map entries scattered over the heap, which matters because the
 * search runs between other work, when little of the trie is still in the processor's cache.
 *
 * The phrasings' first words are paths from the root like the rest: the node at a first word's end
 * (`firstWordEnd`) is where the rest of its phrasings go on.
 */

/** A node while the trie is built. */
interface BuildNode {
  char: number;
  children: Map<number, BuildNode>;
  phrase: number;
  firstWordEnd: boolean;
  index: number;
}

export interface PhraseTrie {
  /** The character each node stands for (the root: 0). */
  readonly char: Uint16Array;
  /** Index of the phrasing that ends at each node (-1: none). */
  readonly phrase: Int32Array;
  /** Each node's child for a space (-1: none). */
  readonly space: Int32Array;
  /** 1 where a phrasing's first word ends. */
  readonly firstWordEnd: Uint8Array;
  /** Node `k`'s edges are `[edgeStart[k], edgeStart[k + 1])`. */
  readonly edgeStart: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeNode: Int32Array;
}

/** The root node's index. */
export const ROOT = 0;

/**
 * Builds the trie of `phrasings` (folded, one code unit per character below U+FFFF), each cut into
 * its first word (`firstWordLength` code units) and the rest. Where two phrasings end at one node,
 * the one listed first is kept.
 */
export function buildPhraseTrie(
  phrasings: readonly string[],
  firstWordLength: (phrasing: string) => number,
): PhraseTrie {
  const nodes: BuildNode[] = [];
  const newNode = (char: number): BuildNode => {
    const node = {
      char,
      children: new Map(),
      phrase: -1,
      firstWordEnd: false,
      index: nodes.length,
    };
    nodes.push(node);
    return node;
  };
  const root = newNode(0);
  for (const [index, phrasing] of phrasings.entries()) {
    const wordEnd = firstWordLength(phrasing);
    let node = root;
    for (let j = 0; j < phrasing.length; j++) {
      const char = phrasing.charCodeAt(j);
      let child = node.children.get(char);
      if (!child) {
        child = newNode(char);
        node.children.set(char, child);
      }
      node = child;
      if (j === wordEnd - 1) node.firstWordEnd = true;
    }
    if (node.phrase < 0) node.phrase = index;
  }

  const count = nodes.length;
  const trie = {
    char: new Uint16Array(count),
    phrase: new Int32Array(count),
    space: new Int32Array(count),
    firstWordEnd: new Uint8Array(count),
    edgeStart: new Int32Array(count + 1),
    edgeChar: new Uint16Array(count - 1),
    edgeNode: new Int32Array(count - 1),
  };
  let edge = 0;
  for (const node of nodes) {
    trie.char[node.index] = node.char;
    trie.phrase[node.index] = node.phrase;
    trie.space[node.index] = node.children.get(32)?.index ?? -1;
    trie.firstWordEnd[node.index] = node.firstWordEnd ? 1 : 0;
    trie.edgeStart[node.index] = edge;
    for (const [char, child] of node.children) {
      trie.edgeChar[edge] = char;
      trie.edgeNode[edge] = child.index;
      edge++;
    }
  }
  trie.edgeStart[count] = edge;
  return trie;
}

/** Node `node`'s child for character code `code` (-1: none; `NaN`, past a text's end, has none). */
export function childOf(trie: PhraseTrie, node: number, code: number): number {
  const end = trie.edgeStart[node + 1] as number;
  for (let edge = trie.edgeStart[node] as number; edge < end; edge++)
    if (trie.edgeChar[edge] === code) return trie.edgeNode[edge] as number;
  return -1;
}
