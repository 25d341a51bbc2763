import type { CompiledPolicy } from './compiledPolicy';
import { profileKey } from './profiles';

/**
 * Each compiled policy's profile keys (super flag + sorted role numbers → profile number), kept beside it rather
 * than in it: only an incremental update reads them, to file a user whose roles changed under an existing
 * profile. A policy compiled elsewhere gets its keys rebuilt from the profile samples on first use.
 */
export interface ProfileKeys {
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

const table = new WeakMap<CompiledPolicy, ProfileKeys>();

export function rememberProfileKeys(policy: CompiledPolicy, keys: ProfileKeys): CompiledPolicy {
  table.set(policy, keys);
  return policy;
}

export function profileKeysOf(policy: CompiledPolicy): ProfileKeys {
  let found = table.get(policy);
  if (!found) {
    const keys = Array.from(policy.profileSample, (u) => profileKey(policy, u));
    found = { keys, index: new Map(keys.map((k, p) => [k, p])) };
    table.set(policy, found);
  }
  return found;
}
