import { useFeatureT } from '../../i18n/featureMessages';
import { ConnectPanel } from './ConnectPanel';
import { syncMessages } from './messages';

/** The "CRM connection" section of Settings. */
export function ConnectSection() {
  const t = useFeatureT(syncMessages);
  return (
    <>
      <h2>{t('connectTitle')}</h2>
      <ConnectPanel />
    </>
  );
}
