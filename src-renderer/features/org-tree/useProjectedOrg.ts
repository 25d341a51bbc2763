import type { OrgView } from '../../../src-main/common/ipc';
import { useServerQuery } from '../../api/serverCache';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useDraftStore } from '../../stores/draftStore';

/**
 * The organisation as the active draft would leave it (the base when no draft is active). After a drag the last
 * answer stays on screen until the next one arrives; `error` is a failed ask in the reader's words.
 */
export function useProjectedOrg(): { view: OrgView | null; error: string | null; retry: () => void } {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const org = useServerQuery('org.view', { draftId });
  const words = useAppErrorText();
  return { view: org.shown, error: org.error ? words(org.error) : null, retry: () => void org.retry() };
}
