import { useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { useRecordGesture } from '../drafts/useRecordGesture';

/** Records a gesture of the organisation view or the person panel, into "Draft N" on the first edit. */
export function useOrgGesture() {
  const t = useT();
  const draftCount = useDraftStore((s) => s.drafts.length);
  return useRecordGesture('org', t('draft.defaultName', { n: draftCount + 1 }));
}
