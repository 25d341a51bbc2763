import type { EulerTour } from '../eulerTour';

/**
 * The Euler tour as a depth-first walk (the engine's first implementation, kept as the tests' reference for
 * eulerTour.ts): children in ascending order, roots in ascending order, then each component with a cycle from
 * the cycle node found by climbing from its lowest unvisited node.
 */
export function dfsTour(parent: Int32Array): EulerTour {
  const n = parent.length;
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const p = parent[v]!;
    if (p >= 0) childStart[p + 1]!++;
  }
  for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]!);
  for (let v = 0; v < n; v++) {
    const p = parent[v]!;
    if (p >= 0) children[fill[p]!++] = v;
  }

  const enter = new Int32Array(n).fill(-1);
  const exit = new Int32Array(n);
  const depth = new Int32Array(n);
  const order = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  let time = 0;

  const walkFrom = (root: number) => {
    let top = 0;
    stack[0] = root;
    enter[root] = time;
    order[time++] = root;
    depth[root] = 0;
    cursor[root] = childStart[root]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < childStart[v + 1]!) {
        const c = children[cursor[v]!++]!;
        if (enter[c] !== -1) continue; // the root again, reached round its cycle
        enter[c] = time;
        order[time++] = c;
        depth[c] = depth[v]! + 1;
        cursor[c] = childStart[c]!;
        stack[++top] = c;
      } else {
        exit[v] = time - 1;
        top--;
      }
    }
  };

  for (let v = 0; v < n; v++) if (parent[v]! < 0) walkFrom(v);

  // Whatever is left belongs to a component with a cycle (every node has a parent there). Climb from it until a
  // node repeats: that node is on the cycle; walking from it covers the whole component.
  const loopRoot = new Int32Array(n).fill(-1);
  const loop = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (enter[v] !== -1) continue;
    let x = v;
    while (stamp[x] !== v) {
      stamp[x] = v;
      x = parent[x]!;
    }
    walkFrom(x);
    let length = 1;
    for (let y = parent[x]!; y !== x; y = parent[y]!) length++;
    let y = x;
    do {
      loopRoot[y] = x;
      loop[y] = length - depth[y]!;
      y = parent[y]!;
    } while (y !== x);
  }
  return { enter, exit, depth, order, loopRoot, loop };
}
