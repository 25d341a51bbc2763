import type { FieldDefinition, FieldRule, Role, Snapshot } from '../domain';
import type { WukongCatalogue } from '../wukong';
import { CRM_MODULE_BY_LABEL, WUKONG_ROLE_GROUP, WUKONG_SUPER_USER_ID } from '../wukong';
import { generateCustomRoles, type GeneratedRole } from './customRoles';
import { generateDepartments } from './departments';
import { initialFieldRules, tunedFieldRules } from './fieldRules';
import { buildGrantCatalogues } from './grantCatalogue';
import { generatePeople } from './people';
import { SeededRandom, mixSeed } from './prng';
import { RoleDirectory } from './roleDirectory';

export interface GenerateOptions {
  seed: number;
  /** People including the super admin (at least 2: the super admin and the general manager). */
  users: number;
  /** Departments including 全公司 (at least 1). */
  departments: number;
  /** Custom roles on top of the 14 WukongCRM seed roles. */
  customRoles: number;
}

/** First id after the seed roles 180162–180175 (WukongCRM auto-increment). */
export const FIRST_CUSTOM_ROLE_ID = 180176;

/** Independent random streams per part, so e.g. more roles do not reshuffle the people. */
const STREAM = { departments: 1, roles: 2, people: 3, fieldRules: 4 } as const;

/**
 * A believable WukongCRM organisation, fully determined by `options`: the same options give a deep-equal
 * snapshot on every machine. Pure and fast (100k people in well under a second on a small machine).
 */
export function generateOrganisation(catalogue: WukongCatalogue, options: GenerateOptions): Snapshot {
  checkOptions(options);
  const root = new SeededRandom(options.seed);
  const plan = generateDepartments(root.fork(STREAM.departments), options.departments);

  const catalogues = buildGrantCatalogues(catalogue.permissions, catalogue.roleGroups);
  const regionPrefixes = plan.departments
    .filter((d, i) => (plan.depth[i] === 1 || plan.depth[i] === 2) && plan.kinds[i]?.fn === 'sales')
    .map((d) => d.name);
  const custom = generateCustomRoles(root.fork(STREAM.roles), catalogues, {
    count: options.customRoles,
    firstId: FIRST_CUSTOM_ROLE_ID,
    regionPrefixes,
    takenNames: namesByGroup(catalogue.defaultRoles),
  });

  const people = generatePeople(root.fork(STREAM.people), plan, options.users, new RoleDirectory(catalogue.defaultRoles, custom));
  const departments = plan.departments.map((d, i) => {
    const head = people.headOf[i] as number;
    return head < 0 ? d : { ...d, headUserId: people.users[head]?.id ?? null };
  });

  return {
    schemaVersion: 1,
    source: { kind: 'generated', seed: options.seed, takenAt: takenAtForSeed(options.seed) },
    departments,
    users: people.users,
    permissions: [...catalogue.permissions],
    roleGroups: [...catalogue.roleGroups],
    roles: [...catalogue.defaultRoles, ...custom.map((c) => c.role)],
    fields: [...catalogue.fields],
    fieldRules: crmFieldRules(root.fork(STREAM.fieldRules), catalogue.defaultRoles, custom, crmFields(catalogue.fields)),
    superUserIds: [WUKONG_SUPER_USER_ID],
  };
}

/** Field rules exist only for CRM roles (WukongCRM `wk_crm_role_field`, reference §6): seed roles as initialised, custom roles tuned. */
export function crmFieldRules(
  rng: SeededRandom,
  defaultRoles: readonly Role[],
  custom: readonly GeneratedRole[],
  fields: readonly FieldDefinition[],
): FieldRule[] {
  const rules: FieldRule[] = [];
  for (const role of defaultRoles) if (role.groupId === WUKONG_ROLE_GROUP.crm) rules.push(...initialFieldRules(role.id, fields));
  for (const { role, senior } of custom) if (role.groupId === WUKONG_ROLE_GROUP.crm) rules.push(...tunedFieldRules(rng, role.id, senior, fields));
  return rules;
}

const CRM_MODULES: ReadonlySet<string> = new Set(Object.values(CRM_MODULE_BY_LABEL));

export function crmFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => CRM_MODULES.has(f.module));
}

/**
 * A fixed "taken at" time derived from the seed, not the clock, so snapshots stay deep-equal across runs:
 * a second within 2026 chosen by hashing the seed.
 */
export function takenAtForSeed(seed: number): string {
  const secondsInYear = 365 * 24 * 3600;
  return new Date(Date.UTC(2026, 0, 1) + (mixSeed(seed >>> 0, 0x5eed) % secondsInYear) * 1000).toISOString();
}

function namesByGroup(roles: readonly Role[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const r of roles) {
    const set = map.get(r.groupId) ?? new Set<string>();
    set.add(r.name);
    map.set(r.groupId, set);
  }
  return map;
}

function checkOptions(options: GenerateOptions): void {
  const { seed, users, departments, customRoles } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(users) || users < 2 || users > 1_000_000) throw new RangeError(`users must be an integer in 2..1000000, got ${users}`);
  if (!Number.isInteger(departments) || departments < 1 || departments > 100_000) {
    throw new RangeError(`departments must be an integer in 1..100000, got ${departments}`);
  }
  if (!Number.isInteger(customRoles) || customRoles < 0 || customRoles > 10_000) {
    throw new RangeError(`customRoles must be an integer in 0..10000, got ${customRoles}`);
  }
}
