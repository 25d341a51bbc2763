import type { LocalizedText, Snapshot } from '../../common/domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../common/domain';
import type { GateGroup, PushGate } from '../../common/ipc/channels/sync';
import { AppError } from '../../common/ipc/result';
import { compilePolicy, impact, lintSnapshot, type LintFinding } from '../../common/policy';
import { indexPermissions, permissionPathLabel } from '../../common/wukong/permissionPathLabel';
import { actionOf, isSensitiveKey, TYPED_CONFIRMATION_ACTIONS } from '../../common/wukong/sensitiveActions';

/** People named per group (the counts are exact); groups shown (largest and sensitive first). */
const PEOPLE_PER_GROUP = 200;
const GROUPS_SHOWN = 60;
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

  const groups = new Map<string, { kind: Kind; subject: LocalizedText; sensitive: boolean; typed: boolean; userIds: string[] }>();
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
          typed: opens && key !== undefined && TYPED_CONFIRMATION_ACTIONS.has(actionOf(key)),
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
  const ordered = [...groups.values()].sort((a, b) => Number(b.sensitive) - Number(a.sensitive) || b.userIds.length - a.userIds.length);
  const shown: GateGroup[] = ordered.slice(0, GROUPS_SHOWN).map((g) => ({
    kind: g.kind,
    subject: g.subject,
    sensitive: g.sensitive,
    count: g.userIds.length,
    people: g.userIds.slice(0, PEOPLE_PER_GROUP).map(person),
  }));

  const findings = introducedFindings(lintSnapshot(before), lintSnapshot(after));
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
    blocking: findings.filter((f) => f.blocking).length,
    typedBecause,
  };
}

/**
 * The checks of the projection, each marked as introduced by the draft or already true on the server. Only an
 * error the draft introduces blocks: a push must not be held hostage by a finding it did not cause (and cannot
 * fix), but it must not create one silently either. A finding is "the same" when its rule and everything it
 * points at (people, roles, permissions, departments) are the same.
 */
function introducedFindings(before: readonly LintFinding[], after: readonly LintFinding[]): PushGate['findings'] {
  const key = (f: LintFinding) =>
    [f.ruleId, ...(['userIds', 'roleIds', 'permissionIds', 'departmentIds'] as const).map((k) => [...f.refs[k]].sort().join(','))].join('\u0000');
  const existing = new Set(before.map(key));
  return after.map((f) => {
    const introduced = !existing.has(key(f));
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, introduced, blocking: introduced && f.severity === 'error' };
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
    throw new AppError('REFUSED', `${blocking.length} blocking check(s) stand in the way of this push: give a written reason to override them`, [
      'gate: override required',
      ...blocking.map((f) => `${f.ruleId}: ${f.message.en}`),
    ]);
  }
  if (gate.typedBecause.length > 0 && input.confirmation?.trim() !== gate.draftName.trim()) {
    throw new AppError('REFUSED', `type the draft's name ("${gate.draftName}") to confirm this push`, ['gate: typed confirmation required']);
  }
  return { overridden: input.override ? blocking : [] };
}
