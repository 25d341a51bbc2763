/** Where each planned step's call goes, as the emulator's fault rules address it: the path, and which call to it. */
export interface StepTarget {
  path: string;
  nth: number;
}

export function stepTargets(endpoints: readonly string[]): StepTarget[] {
  const seen = new Map<string, number>();
  return endpoints.map((e) => {
    const path = e.replace(/^POST /, '').replace(/\{\w+\}$/, '*');
    const nth = (seen.get(path) ?? 0) + 1;
    seen.set(path, nth);
    return { path, nth };
  });
}
