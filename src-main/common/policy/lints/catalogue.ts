import type { CompiledPolicy } from '../compiledPolicy';

/** `crm:customer:index` → module `crm:customer`, verb `index` (WukongCRM realm paths, reference §5.1). */
export function splitKey(key: string): { module: string; verb: string } {
  const at = key.lastIndexOf(':');
  return at < 0 ? { module: '', verb: key } : { module: key.slice(0, at), verb: key.slice(at + 1) };
}

/** Users per profile, so per-profile facts can be counted without walking users again. */
export function profileSizes(policy: CompiledPolicy): Uint32Array {
  const sizes = new Uint32Array(policy.profileCount);
  for (let u = 0; u < policy.userCount; u++) sizes[policy.userProfile[u]!]!++;
  return sizes;
}

/** Permission numbers that are actions whose records are filtered by the data scope. */
export function scopedPermissions(policy: CompiledPolicy): number[] {
  const out: number[] = [];
  policy.snapshot.permissions.forEach((p, i) => { if (p.kind === 'action' && p.scoped) out.push(i); });
  return out;
}

export function userName(policy: CompiledPolicy, u: number): string {
  return policy.snapshot.users[u]!.name;
}

export function roleName(policy: CompiledPolicy, r: number): string {
  return policy.snapshot.roles[r]!.name;
}
