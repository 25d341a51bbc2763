import type { CrmConnector } from '../../connectors';
import { ConnectorError, WukongConnector, type WukongConnectorOptions } from '../../connectors';
import type { ConnectionProfile } from '../../store';
import { loadBundledCatalogue } from '../resources';

/** The connector for a stored WukongCRM profile (password login, reference §1.1). */
export function createWukongConnector(profile: ConnectionProfile, options: Partial<WukongConnectorOptions> = {}): CrmConnector {
  if (profile.secretKind !== 'password') {
    throw new ConnectorError('LOGIN_FAILED', 'WukongCRM logs in with a username and password; this profile stores a token');
  }
  return new WukongConnector(
    { serverUrl: profile.serverUrl, username: profile.username, password: profile.secret },
    { bundled: loadBundledCatalogue(), ...options },
  );
}
