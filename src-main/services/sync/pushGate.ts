import type { LocalizedText, Snapshot } from '../../common/domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../common/domain';
import { AppError, type GateGroup, OVERRIDE_REASON_MIN, type PushGate } from '../../common/ipc';
import { compilePolicy, impact, lintSnapshot } from '../../common/policy';
import { actionOf, indexPermissions, isSensitiveKey, permissionPathLabel, TYPED_CONFIRMATION_ACTIONS } from '../../common/wukong';
import { introducedFindings } from './gateFindings';

/** People named per group (the counts are exact); groups shown (largest and sensitive first). */
const PEOPLE_PER_GROUP = 200;
const GROUPS_SHOWN = 60;
/** Non-blocking findings sent per kind (introduced by the draft, already on the server); the rest are counted. */
const FINDINGS_SENT = 100;
/** Widening access for more people than this needs the draft's name typed, as does granting delete / export / transfer. */
export const TYPED_ABOVE_PEOPLE = 100;

type Kind = GateGroup['kind'];
const WIDENING: ReadonlySet<Kind> = new Set(['gains', 'wider', 'fieldWider']);

/**
 * The push gate of a ready plan (issue "Safe push" item 5): between the server's state the plan was made on and
 * the projection, who gains and who loses which permission, data scope or field rule, by name; the engine's
 * checks on the projection, those the draft introduces and that are errors blocking the push; and whether the
 * confirmation must be typed. Computed once when the plan is made.
 */
export function pushGate(args: { plannedOn: Snapshot; projection: Snapshot; draftName: string }): PushGate {
  const { plannedOn, projection } = args;
  const before = compilePolicy(plannedOn);
  const after = compilePolicy(projection);
  const report = impact(before, after);
  const permissions = indexPermissions(projection.permissions);
  const users = new Map([...plannedOn.users, ...projection.users].map((u) => [u.id, u]));
  const departments = new Map([...plannedOn.departments, ...projection.departments].map((d) => [d.id, d.name]));
  const fieldNames = new Map(projection.fields.map((f) => [`${f.module}\u0000${f.name}`, f.label]));

  const groups = new Map<string, Group>();
  const add = (key: string, make: () => { kind: Kind; subject: LocalizedText; sensitive: boolean; typed: boolean }, userId: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ...make(), userIds: [] }));
    group.userIds.push(userId);
  };
  const widened = new Set<string>();
  for (const u of report.users) {
    for (const p of u.permissions) {
      const kind: Kind = p.before === 0 ? 'gains' : p.after === 0 ? 'loses' : p.after > p.before ? 'wider' : 'narrower';
      if (WIDENING.has(kind)) widened.add(u.userId);
      add(`${kind}\u0000${p.permissionId}`, () => {
        const key = permissions.get(p.permissionId)?.key;
        const opens = WIDENING.has(kind);
        return {
          kind,
          subject: { en: permissionPathLabel(permissions, p.permissionId, 'en'), 'zh-CN': permissionPathLabel(permissions, p.permissionId, 'zh-CN') },
          sensitive: opens && isSensitiveKey(key),
          // "Grants delete / export / transfer": a new grant, not a wider scope of one already held.
          typed: kind === 'gains' && key !== undefined && TYPED_CONFIRMATION_ACTIONS.has(actionOf(key)),
        };
      }, u.userId);
    }
    for (const f of u.fields) {
      const more = FIELD_ACCESS_ORDER.indexOf(f.after.access) > FIELD_ACCESS_ORDER.indexOf(f.before.access);
      const unmasked = FIELD_MASK_ORDER.indexOf(f.after.mask) < FIELD_MASK_ORDER.indexOf(f.before.mask);
      const kind: Kind = more || unmasked ? 'fieldWider' : 'fieldNarrower';
      if (kind === 'fieldWider') widened.add(u.userId);
      add(`${kind}\u0000${f.module}\u0000${f.field}\u0000${unmasked}`, () => {
        const label = fieldNames.get(`${f.module}\u0000${f.field}`);
        const module = moduleLabel(projection, f.module);
        return {
          kind,
          subject: { en: `${module.en} · ${label?.en ?? f.field}`, 'zh-CN': `${module['zh-CN']} · ${label?.['zh-CN'] ?? f.field}` },
          sensitive: unmasked,
          typed: false,
        };
      }, u.userId);
    }
  }

  const person = (id: string) => {
    const user = users.get(id);
    return { id, name: user?.name ?? id, department: user ? (departments.get(user.departmentId) ?? '') : '' };
  };
  const ordered = mergeSamePeople([...groups.values()]).sort((a, b) => Number(b.sensitive) - Number(a.sensitive) || b.userIds.length - a.userIds.length);
  const shown: GateGroup[] = ordered.slice(0, GROUPS_SHOWN).map((g) => ({
    kind: g.kind,
    subject: g.subject,
    sensitive: g.sensitive,
    count: g.userIds.length,
    people: g.userIds.slice(0, PEOPLE_PER_GROUP).map(person),
  }));

  const all = introducedFindings(lintSnapshot(before), lintSnapshot(after));
  // Every blocking finding goes over the wire (the override names them); the others are counted past the first.
  const blockingFindings = all.filter((f) => f.blocking);
  const introducedOthers = all.filter((f) => f.introduced && !f.blocking);
  const existing = all.filter((f) => !f.introduced);
  const findings = [...blockingFindings, ...introducedOthers.slice(0, FINDINGS_SENT), ...existing.slice(0, FINDINGS_SENT)];
  const typedBecause: LocalizedText[] = [];
  if (widened.size > TYPED_ABOVE_PEOPLE) {
    typedBecause.push({ en: `It widens access for ${widened.size} people (more than ${TYPED_ABOVE_PEOPLE}).`, 'zh-CN': `它会扩大 ${widened.size} 人的权限（超过 ${TYPED_ABOVE_PEOPLE} 人）。` });
  }
  for (const g of ordered.filter((g) => g.typed)) {
    typedBecause.push({ en: `${g.userIds.length} people gain "${g.subject.en}".`, 'zh-CN': `${g.userIds.length} 人将获得「${g.subject['zh-CN']}」。` });
  }
  return {
    draftName: args.draftName,
    peopleAffected: report.counts.usersAffected,
    peopleWidened: widened.size,
    groups: shown,
    moreGroups: Math.max(0, ordered.length - shown.length),
    findings,
    existingLeftOut: Math.max(0, existing.length - FINDINGS_SENT),
    introducedLeftOut: Math.max(0, introducedOthers.length - FINDINGS_SENT),
    blocking: blockingFindings.length,
    typedBecause,
  };
}

type Group = { kind: Kind; subject: LocalizedText; sensitive: boolean; typed: boolean; userIds: string[] };

/**
 * One line per (kind of change, same people): a role's new data scope widens every permission it grants for the
 * same members, and fifty lines of "4 people" would bury the one that matters. The subject names the first few
 * permissions (sensitive ones first) and how many more.
 */
function mergeSamePeople(groups: readonly Group[]): Group[] {
  const merged = new Map<string, Group[]>();
  for (const g of groups) {
    const key = `${g.kind}\u0000${g.userIds.join(',')}`;
    merged.set(key, [...(merged.get(key) ?? []), g]);
  }
  return [...merged.values()].map((same) => {
    if (same.length === 1) return same[0]!;
    const sorted = [...same].sort((a, b) => Number(b.sensitive) - Number(a.sensitive));
    const shown = sorted.slice(0, 3);
    const rest = sorted.length - shown.length;
    const join = (locale: keyof LocalizedText, sep: string, more: string) => shown.map((g) => g.subject[locale]).join(sep) + (rest > 0 ? more : '');
    return {
      kind: same[0]!.kind,
      subject: { en: join('en', ', ', ` and ${rest} more`), 'zh-CN': join('zh-CN', '、', ` 等 ${sorted.length} 项`) },
      sensitive: same.some((g) => g.sensitive),
      typed: same.some((g) => g.typed),
      userIds: same[0]!.userIds,
    };
  });
}

function moduleLabel(snapshot: Snapshot, module: string): LocalizedText {
  const node = snapshot.permissions.find((p) => p.key === `crm:${module}`);
  return node?.label ?? { en: module, 'zh-CN': module };
}

/**
 * The main process's own check before a push goes out: blocking findings need a written reason, a typed
 * confirmation must match the draft's name. Returns what to record in the audit log, if anything.
 */
export function checkGate(gate: PushGate, input: { override?: { reason: string }; confirmation?: string }): { overridden: PushGate['findings'] } {
  const blocking = gate.findings.filter((f) => f.blocking);
  if (blocking.length > 0 && !input.override) {
    throw new AppError('REFUSED', `${blocking.length} blocking check(s) stand in the way of this push: give a written reason to override them`, {
      kind: 'gate',
      need: 'override',
      blocking: blocking.map((f) => ({ ruleId: f.ruleId, message: f.message })),
    });
  }
  // The contract says so too; a service called without it (a test, another use case) must not slip a blank past.
  if (blocking.length > 0 && input.override!.reason.trim().length < OVERRIDE_REASON_MIN) {
    throw new AppError('INVALID_INPUT', `the reason to override must be at least ${OVERRIDE_REASON_MIN} characters`, {
      kind: 'gate',
      need: 'longerReason',
      minReasonLength: OVERRIDE_REASON_MIN,
    });
  }
  if (gate.typedBecause.length > 0 && input.confirmation?.trim() !== gate.draftName.trim()) {
    throw new AppError('REFUSED', `type the draft's name ("${gate.draftName}") to confirm this push`, { kind: 'gate', need: 'typedName', draftName: gate.draftName });
  }
  return { overridden: input.override ? blocking : [] };
}
