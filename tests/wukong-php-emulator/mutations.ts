/**
 * Changes "another administrator" makes on the server, for out-of-band and concurrency tests: written
 * straight to the tables the way the server's own writes leave them (rules as ",a,b," strings, deleted
 * roles leaving their admin_access rows), never logged as calls of the client under test.
 */
import { z } from 'zod';
import type { Db } from './db/schema';
import { phpSerialize, stringToArray, type PhpValue } from './php';

const id = z.number().int();
const ids = z.array(id);
export const mutationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setRules'), groupId: id, ruleIds: ids }),
  z.object({ type: z.literal('grantRules'), groupId: id, ruleIds: ids }),
  z.object({ type: z.literal('revokeRules'), groupId: id, ruleIds: ids }),
  z.object({ type: z.literal('renameGroup'), groupId: id, title: z.string().min(1) }),
  z.object({ type: z.literal('setDataScope'), groupId: id, dataScope: z.number().int().min(1).max(5) }),
  z.object({ type: z.literal('addGroup'), pid: id, title: z.string().min(1), ruleIds: ids.default([]), dataScope: z.number().int().default(1) }),
  z.object({ type: z.literal('deleteGroup'), groupId: id }),
  z.object({ type: z.literal('assignGroup'), userId: id, groupId: id }),
  z.object({ type: z.literal('unassignGroup'), userId: id, groupId: id }),
  z.object({ type: z.literal('setUserStatus'), userId: id, status: z.number().int().min(0).max(2) }),
  z.object({ type: z.literal('moveUser'), userId: id, structureId: id }),
  z.object({ type: z.literal('setParent'), userId: id, parentId: id }),
  z.object({ type: z.literal('renameStructure'), structureId: id, name: z.string().min(1) }),
  z.object({ type: z.literal('setFieldGrant'), grantId: id, content: z.array(z.record(z.string(), z.unknown())) }),
  z.object({
    type: z.literal('addRule'),
    id: id.optional(),
    pid: id,
    name: z.string().min(1),
    title: z.string().default(''),
    level: z.number().int().min(1).max(4),
    types: z.number().int().min(0).max(7),
    status: z.number().int().min(0).max(1).default(1),
  }),
  z.object({ type: z.literal('setRuleStatus'), ruleId: id, status: z.number().int().min(0).max(1) }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
/** What the mutations accept before defaults are applied. */
export type MutationInput = z.input<typeof mutationSchema>;

const csv = (list: number[]) => (list.length ? `,${list.join(',')},` : '');

export function applyMutation(db: Db, input: MutationInput): void {
  const m = mutationSchema.parse(input);
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  const rulesOf = (groupId: number) =>
    stringToArray((db.prepare('SELECT rules FROM admin_group WHERE id = ?').get(groupId) as { rules: string } | undefined)?.rules ?? '').map(Number);
  const now = Math.floor(Date.now() / 1000);
  db.transaction(() => {
    switch (m.type) {
      case 'setRules':
        return void run('UPDATE admin_group SET rules = ? WHERE id = ?', csv([...new Set(m.ruleIds)]), m.groupId);
      case 'grantRules':
        return void run('UPDATE admin_group SET rules = ? WHERE id = ?', csv([...new Set([...rulesOf(m.groupId), ...m.ruleIds])]), m.groupId);
      case 'revokeRules':
        return void run('UPDATE admin_group SET rules = ? WHERE id = ?', csv(rulesOf(m.groupId).filter((r) => !m.ruleIds.includes(r))), m.groupId);
      case 'renameGroup':
        return void run('UPDATE admin_group SET title = ? WHERE id = ?', m.title, m.groupId);
      case 'setDataScope':
        return void run('UPDATE admin_group SET type = ? WHERE id = ?', m.dataScope, m.groupId);
      case 'addGroup':
        return void run('INSERT INTO admin_group (pid, title, rules, type) VALUES (?, ?, ?, ?)', m.pid, m.title, csv(m.ruleIds), m.dataScope);
      case 'deleteGroup':
        run('DELETE FROM admin_group WHERE id = ?', m.groupId);
        return void run("DELETE FROM admin_field_grant WHERE module = 'crm' AND role_id = ?", m.groupId);
      case 'assignGroup':
        if (!db.prepare('SELECT 1 FROM admin_access WHERE user_id = ? AND group_id = ?').get(m.userId, m.groupId)) run('INSERT INTO admin_access (user_id, group_id) VALUES (?, ?)', m.userId, m.groupId);
        return;
      case 'unassignGroup':
        return void run('DELETE FROM admin_access WHERE user_id = ? AND group_id = ?', m.userId, m.groupId);
      case 'setUserStatus':
        return void run('UPDATE admin_user SET status = ? WHERE id = ?', m.status, m.userId);
      case 'moveUser':
        return void run('UPDATE admin_user SET structure_id = ? WHERE id = ?', m.structureId, m.userId);
      case 'setParent':
        return void run('UPDATE admin_user SET parent_id = ? WHERE id = ?', m.parentId, m.userId);
      case 'renameStructure':
        return void run('UPDATE admin_structure SET name = ? WHERE id = ?', m.name, m.structureId);
      case 'setFieldGrant':
        return void run('UPDATE admin_field_grant SET content = ?, update_time = ? WHERE grant_id = ?', phpSerialize(m.content as PhpValue[]), now, m.grantId);
      case 'addRule':
        return void run('INSERT INTO admin_rule (id, types, title, name, level, pid, status) VALUES (?, ?, ?, ?, ?, ?, ?)', m.id ?? null, m.types, m.title, m.name, m.level, m.pid, m.status);
      case 'setRuleStatus':
        return void run('UPDATE admin_rule SET status = ? WHERE id = ?', m.status, m.ruleId);
    }
  })();
}
