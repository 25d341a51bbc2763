import { editionOfProfile } from '../../common/crm';
import type { CrmConnector } from '../../connectors';
import { ConnectorError, WukongConnector, type WukongConnectorOptions, WukongPhpConnector, type WukongPhpConnectorOptions } from '../../connectors';
import type { ConnectionProfile } from '../../store';
import { loadBundledCatalogue } from '../resources';

/** Options a test (or a slow server) may set, whichever edition the profile names. */
export type ConnectorOptions = Partial<Omit<WukongConnectorOptions, 'bundled'>> & WukongPhpConnectorOptions;

/**
 * The connector for a stored profile, by the edition it names (`profile.connector`): WukongCRM 11 Java or PHP.
 * Both log in with a username and password (Java reference §1.1; PHP `admin/base/login`).
 */
export function createConnector(profile: ConnectionProfile, options: ConnectorOptions = {}): CrmConnector {
  if (profile.secretKind !== 'password') {
    throw new ConnectorError('LOGIN_FAILED', 'WukongCRM logs in with a username and password; this profile stores a token');
  }
  const credentials = { serverUrl: profile.serverUrl, username: profile.username, password: profile.secret };
  switch (editionOfProfile(profile.connector)) {
    case 'wukong-php':
      return new WukongPhpConnector(credentials, options);
    case 'wukong-crm-11':
      return new WukongConnector(credentials, { bundled: loadBundledCatalogue(), ...options });
  }
}

/** The Java-edition connector for a profile (tests and callers that know the edition). */
export function createWukongConnector(profile: ConnectionProfile, options: ConnectorOptions = {}): CrmConnector {
  return createConnector({ ...profile, connector: 'wukong-crm-11' }, options);
}
