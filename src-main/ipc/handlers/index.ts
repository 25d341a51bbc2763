import type { AppServices } from '../../services/appServices';
import type { Handlers } from '../handlerTypes';
import { accessHandlers } from './accessHandlers';
import { appHandlers } from './appHandlers';
import { draftsHandlers } from './draftsHandlers';
import { filesHandlers } from './filesHandlers';
import { orgHandlers } from './orgHandlers';
import { orgViewHandlers } from './orgViewHandlers';
import { reviewHandlers } from './reviewHandlers';
import { rolesHandlers } from './rolesHandlers';
import { syncHandlers } from './syncHandlers';
import { workspaceHandlers } from './workspaceHandlers';

/** Every channel of the contract bound to its use case; the type makes a missing handler a compile error. */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...appHandlers(services),
    ...orgHandlers(services),
    ...rolesHandlers(services),
    ...draftsHandlers(services),
    ...accessHandlers(services),
    ...workspaceHandlers(services),
    ...orgViewHandlers(services),
    ...reviewHandlers(services),
    ...filesHandlers(services),
    ...syncHandlers(services),
  };
}
