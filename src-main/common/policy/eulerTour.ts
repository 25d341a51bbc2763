/**
 * Euler tour of a parent-pointer forest, iteratively: manager chains can be thousands deep and a
 * recursive walk would overflow the stack.
 *
 * After the tour, v lies in the subtree of a exactly when enter[a] <= enter[v] <= exit[a], and v is
 * depth[v] - depth[a] levels below a. Nodes on a cycle (which validateSnapshot reports and WukongCRM
 * refuses with 1109/1110) are still numbered: the first one met is treated as a root.
 */
export interface EulerTour {
  readonly enter: Int32Array;
  readonly exit: Int32Array;
  readonly depth: Int32Array;
  /** order[position] = node entered at that position. */
  readonly order: Int32Array;
}

export function eulerTour(parent: Int32Array): EulerTour {
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
        if (enter[c] !== -1) continue; // only reachable again through a cycle
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
  // Whatever is left hangs off a cycle: start from the first such node.
  for (let v = 0; v < n; v++) if (enter[v] === -1) walkFrom(v);
  return { enter, exit, depth, order };
}
