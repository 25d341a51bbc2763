import { ConnectorError } from '../../connectorError';
import { phpEndpoints } from '../api';
import { isBuiltInField } from '../fieldGrants';
import type { StepOf } from '../plan/steps';
import type { PhpFieldGrant, PhpFieldGrantEntry } from '../schemas';
import type { StepContext, StepExecutor } from './stepContext';

type Cell = StepOf<'setFieldGrant'>['cells'][number];

async function readGrant(step: StepOf<'setFieldGrant'>, ctx: StepContext): Promise<PhpFieldGrant> {
  const roleId = ctx.ids.server(step.role);
  const grant = await ctx.session.call(phpEndpoints.fieldGrant(roleId, step.column), ctx.signal);
  if (grant === null) throw new ConnectorError('WRITE_NOT_APPLIED', `role ${roleId} no longer exists on the server (no field grant for ${step.column})`, { endpoint: 'POST /admin/fieldGrant/index' });
  return grant;
}

const holds = (entry: PhpFieldGrantEntry | undefined, cell: Cell) =>
  cell.set === null ? entry === undefined : entry !== undefined && Number(entry.read) === cell.set.read && Number(entry.write) === cell.set.write;

/**
 * The re-read list with the step's cells applied: entries are changed in place (every other key kept as the
 * server wrote it), removed, or appended. A cell whose entry someone else changed since the plan is left alone.
 */
function merged(step: StepOf<'setFieldGrant'>, content: readonly PhpFieldGrantEntry[]): { content: PhpFieldGrantEntry[]; changed: boolean; elsewhere: string[] } {
  const out = content.map((e) => ({ ...e }));
  const elsewhere: string[] = [];
  let changed = false;
  for (const cell of step.cells) {
    const index = out.findIndex((e) => e.field === cell.field);
    const entry = index < 0 ? undefined : out[index];
    if (holds(entry, cell)) continue;
    if (cell.from !== undefined) {
      const now = entry === undefined ? null : { read: Number(entry.read), write: Number(entry.write) };
      const planned = cell.from;
      if ((now === null) !== (planned === null) || (now && planned && (now.read !== planned.read || now.write !== planned.write))) {
        elsewhere.push(cell.field);
        continue;
      }
    }
    changed = true;
    if (cell.set === null) out.splice(index, 1);
    else if (entry) Object.assign(entry, { read: cell.set.read, write: cell.set.write });
    else {
      out.push({
        field: cell.field,
        read: cell.set.read,
        read_operation: 1,
        write: cell.set.write,
        write_operation: 1,
        is_diy: isBuiltInField(step.column, cell.field) ? 0 : 1,
        name: cell.label,
      });
    }
  }
  return { content: out, changed, elsewhere };
}

export const setFieldGrant: StepExecutor<StepOf<'setFieldGrant'>> = {
  async probe(step, ctx) {
    const grant = await readGrant(step, ctx);
    const content = grant.content ?? [];
    return step.cells.every((c) => holds(content.find((e) => e.field === c.field), c)) ? { alreadyDone: true } : null;
  },
  async send(step, ctx) {
    // fieldGrant/update REPLACES the whole list (FieldGrantLogic::update, `serialize(array_values($content))`):
    // read it right before writing and send it back whole, only our cells changed.
    const grant = await readGrant(step, ctx);
    const { content, changed, elsewhere } = merged(step, grant.content ?? []);
    const noted = elsewhere.length > 0 ? { changedElsewhere: elsewhere } : {};
    if (!changed) return { alreadyDone: true, ...noted };
    // An empty list answers 缺少授权数据！ (FieldGrant::update).
    if (content.length === 0) throw new ConnectorError('WRITE_NOT_APPLIED', `the field grant of ${step.column} would be left empty, which the server refuses`, { endpoint: 'POST /admin/fieldGrant/update' });
    await ctx.session.call(phpEndpoints.updateFieldGrant(grant.grant_id, content), ctx.signal);
    // It answers success even for a grant_id that matches no row: look.
    const after = await readGrant(step, ctx);
    const applied = step.cells.filter((c) => !elsewhere.includes(c.field)).every((c) => holds((after.content ?? []).find((e) => e.field === c.field), c));
    if (!applied) throw new ConnectorError('WRITE_NOT_APPLIED', `fieldGrant/update answered success but grant ${grant.grant_id} does not hold the new rules`, { endpoint: 'POST /admin/fieldGrant/update' });
    return noted;
  },
};
