import type { GatehouseBridge } from '../../src-main/common/ipc';
import type { Transport } from './transport';

export function preloadTransport(bridge: GatehouseBridge): Transport {
  return { kind: 'electron', invoke: bridge.invoke, on: bridge.on };
}
