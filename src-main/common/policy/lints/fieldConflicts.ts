import { text } from '../text';
import { roleName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/**
 * One of a user's roles lets them edit a field that another of their roles hides. The server keeps the
 * most permissive access (max auth_level, reference §6; PHP max(read), max(write)), so the hiding role silently
 * has no effect. On the PHP edition a role edits a field also when its grant for the module does not list the
 * field (`getFieldGrantStatus`, editionRules.ts) — the case administrators least expect, said so in the message.
 * One finding per (module, hiding role, editing role), naming the fields and the users who hold both.
 */
export const fieldEditHiddenRule: LintRule = {
  id: 'field-edit-overrides-hidden',
  severity: 'warning',
  title: text('字段被一个角色隐藏，却被另一个角色授予编辑', 'Field hidden by one role but editable through another'),
  run(policy) {
    const findings: LintFinding[] = [];
    const groups = new Map<string, { module: string; fieldNames: readonly string[]; hider: number; editor: number; fields: Set<number>; users: Set<number>; unlisted: boolean }>();
    const grantOpens = policy.rules.unlistedField === 'grantOfTheModule';
    const profileUsers: number[][] = Array.from({ length: policy.profileCount }, () => []);
    for (let u = 0; u < policy.userCount; u++) profileUsers[policy.userProfile[u]!]!.push(u);
    for (let profile = 0; profile < policy.profileCount; profile++) {
      const u = policy.profileSample[profile]!;
      const roles = policy.userRoles.subarray(policy.userRoleStart[u]!, policy.userRoleStart[u + 1]!);
      if (roles.length < 2) continue;
      for (const compiled of policy.modules.values()) {
        const width = compiled.fields.length;
        for (let f = 0; f < width; f++) {
          for (const hider of roles) {
            if (compiled.access[hider * width + f] !== 0) continue;
            for (const editor of roles) {
              const a = compiled.access[editor * width + f]!;
              // PHP: a grant for the module that does not list the field gives read + write.
              const unlisted = grantOpens && a < 0 && compiled.roleHasRow[editor] === 1;
              if (a !== 2 && !unlisted) continue;
              const key = `${compiled.module}\u0000${hider}\u0000${editor}${unlisted ? '\u0000unlisted' : ''}`;
              let group = groups.get(key);
              if (!group) groups.set(key, (group = { module: compiled.module, fieldNames: compiled.fields, hider, editor, fields: new Set(), users: new Set(), unlisted }));
              group.fields.add(f);
              for (const member of profileUsers[profile]!) group.users.add(member);
            }
          }
        }
      }
    }
    for (const g of groups.values()) {
      const hider = roleName(policy, g.hider);
      const editor = roleName(policy, g.editor);
      // In field and user order, not in the order profiles were met: profiles are numbered differently by a
      // full and an incremental compile, and the finding must not depend on which one ran.
      const fields = [...g.fields].sort((a, b) => a - b).map((f) => g.fieldNames[f]!);
      const shown = fields.slice(0, 5).join(', ') + (fields.length > 5 ? ` …(+${fields.length - 5})` : '');
      const users = [...g.users].sort((a, b) => a - b);
      const it = fields.length === 1 ? 'it' : 'them';
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: g.unlisted ? text(
          `${g.module}：角色「${hider}」隐藏字段 ${shown}，但「${editor}」的字段授权没有列出${fields.length === 1 ? '该字段' : '这些字段'}，悟空CRM PHP 版把未列出的字段视为可查看、可编辑；服务器取最宽松的权限，${users.length} 名同时持有两者的员工可以编辑。`,
          `${g.module}: role "${hider}" hides ${shown}, but the field grant of "${editor}" does not list ${it}, which the PHP edition reads as view and edit; the server keeps the most permissive access, so ${users.length} user${users.length === 1 ? ' who holds' : 's who hold'} both can edit ${it}.`,
        ) : text(
          `${g.module}：角色「${hider}」隐藏字段 ${shown}，但「${editor}」允许编辑；服务器取最宽松的权限，${users.length} 名同时持有两者的员工可以编辑。`,
          `${g.module}: role "${hider}" hides ${shown} but "${editor}" lets ${fields.length === 1 ? 'it' : 'them'} be edited; the server keeps the most permissive access, so ${users.length} user${users.length === 1 ? ' who holds' : 's who hold'} both can edit ${fields.length === 1 ? 'it' : 'them'}.`,
        ),
        refs: refs({ userIds: users.map((u) => policy.userIds[u]!), roleIds: [policy.roleIds[g.hider]!, policy.roleIds[g.editor]!] }),
      });
    }
    return findings;
  },
};
