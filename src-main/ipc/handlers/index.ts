import type { AppServices } from '../../services/appServices';
import type { Handlers } from '../handlerTypes';
import { accessHandlers } from './accessHandlers';
import { appHandlers } from './appHandlers';
import { auditHandlers } from './auditHandlers';
import { catalogueHandlers } from './catalogueHandlers';
import { draftsHandlers } from './draftsHandlers';
import { impactHandlers } from './impactHandlers';
import { lintsHandlers } from './lintsHandlers';
import { orgHandlers } from './orgHandlers';
import { policyHandlers } from './policyHandlers';
import { reportsHandlers } from './reportsHandlers';
import { rolesHandlers } from './rolesHandlers';
import { syncHandlers } from './syncHandlers';
import { workspaceHandlers } from './workspaceHandlers';

/**
 * Every channel of the contract bound to its use case; the type makes a missing handler a compile error.
 * One group per channel prefix, in `<prefix>Handlers.ts`, typed from `channels/<prefix>.ts`.
 */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...appHandlers(services),
    ...orgHandlers(services),
    ...rolesHandlers(services),
    ...catalogueHandlers(services),
    ...draftsHandlers(services),
    ...accessHandlers(services),
    ...impactHandlers(services),
    ...lintsHandlers(services),
    ...workspaceHandlers(services),
    ...auditHandlers(services),
    ...policyHandlers(services),
    ...reportsHandlers(services),
    ...syncHandlers(services),
  };
}
