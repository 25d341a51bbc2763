import type { DraftSummary } from '../../src-main/common/ipc';

/** Why an edit cannot go into a draft: it was pushed (read-only), or it is a rollback draft kept as generated. */
export type KeptOutReason = 'pushed' | 'rollback';

/**
 * Whether ordinary edits (matrix paint, field rules, org drags) may go into this draft. A pushed draft is the
 * record of what was sent (the main process refuses it anyway); a rollback draft is the exact inverse of a push,
 * to be reviewed and pushed as made — an edit slipped into it would go to the server under "roll back".
 */
export function keptOutReason(draft: DraftSummary): KeptOutReason | null {
  if (draft.readOnly) return 'pushed';
  if (draft.origin?.kind === 'rollback') return 'rollback';
  return null;
}

/** `name`, or `name 2`, `name 3`… when a draft already has it: the notice must tell the two drafts apart. */
export function uniqueDraftName(name: string, drafts: readonly DraftSummary[]): string {
  const taken = new Set(drafts.map((d) => d.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} ${n}`.slice(0, 120);
    if (!taken.has(candidate)) return candidate;
  }
}
