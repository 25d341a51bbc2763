/**
 * The default organisation: the project's seeded generator (`generateOrganisation`) on the bundled
 * WukongCRM catalogue, so the emulator serves the same believable org the console's demo and benchmarks use.
 */
import type { Snapshot } from '../../src-main/common/domain';
import { generateOrganisation } from '../../src-main/common/generator';
import { loadBundledCatalogue } from '../../src-main/services/resources';

export interface OrganisationOptions {
  seed?: number;
  /** People, the super admin included (default 200). */
  users?: number;
  /** Departments, 全公司 included (default one per 25 people). */
  departments?: number;
  /** Custom roles beside the 14 seed roles (default 12). */
  customRoles?: number;
}

export function generatedSnapshot(options: OrganisationOptions = {}): Snapshot {
  const users = Math.max(2, options.users ?? 200);
  return generateOrganisation(loadBundledCatalogue(), {
    seed: options.seed ?? 1,
    users,
    departments: Math.max(1, options.departments ?? Math.ceil(users / 25)),
    customRoles: options.customRoles ?? 12,
  });
}
