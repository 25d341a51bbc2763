import { createDemoSnapshot, generateOrganisation } from '../common/generator';
import type { Snapshot } from '../common/domain';
import type { WukongCatalogue } from '../common/wukong';
import type { SnapshotInfo } from '../store';

/** Fixed, so every run (and the engine bench, which uses the same seed) sees the same generated organisation. */
export const GENERATED_DEMO_SEED = 20261129;
/** Roles in a generated demo, the 14 WukongCRM seed roles included: the size the scale targets name. */
export const GENERATED_DEMO_ROLES = 300;
/** One department per this many people, as in a mid-sized company. */
const PEOPLE_PER_DEPARTMENT = 50;

export interface DemoSource {
  make: () => Snapshot;
  /** Whether the demo's newest snapshot is the organisation asked for (the store re-seeds it when not). */
  isCurrent?: (newest: SnapshotInfo) => boolean;
  /** One line for the host's output, or null for the built-in demo. */
  describe: string | null;
}

/**
 * What the demo workspace holds: the built-in 60-person company, or (for measuring at scale, `--demo-users N`)
 * a seeded generated organisation of N people, about N/50 departments and 300 roles.
 */
export function demoSource(catalogue: WukongCatalogue, demoUsers?: number): DemoSource {
  if (demoUsers === undefined) {
    // After a sized run the demo holds a generated organisation: a plain start brings the built-in one back.
    return { make: () => createDemoSnapshot(catalogue), isCurrent: (newest) => newest.sourceKind === 'demo', describe: null };
  }
  const departments = Math.max(1, Math.round(demoUsers / PEOPLE_PER_DEPARTMENT));
  const customRoles = Math.max(0, GENERATED_DEMO_ROLES - catalogue.defaultRoles.length);
  return {
    make: () => generateOrganisation(catalogue, { seed: GENERATED_DEMO_SEED, users: demoUsers, departments, customRoles }),
    isCurrent: (newest) =>
      newest.sourceKind === 'generated' && newest.counts.users === demoUsers && newest.counts.departments === departments && newest.counts.roles === GENERATED_DEMO_ROLES,
    describe: `Demo workspace: a generated organisation of ${demoUsers} people, ${departments} departments, ${GENERATED_DEMO_ROLES} roles (seed ${GENERATED_DEMO_SEED}).`,
  };
}
