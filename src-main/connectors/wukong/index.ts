/** The WukongCRM 11 connector's public surface. */
export { WukongConnector, WUKONG_CAPABILITIES, type WukongConnectorOptions } from './WukongConnector';
export { WukongSession, type WukongCredentials, type SessionOptions } from './session';
export { pullSnapshot, type PullOptions, type PullProgress, type PullResult, type PullStep } from './pull/pullSnapshot';
export type { CatalogueSource } from './pull/mapCatalogue';
export { planPush, type PlannedStep, type PushPlan } from './plan/planPush';
export type { PlanRefusal, RefusalCode } from './plan/refusals';
export { pushStepSchema, STEP_ENDPOINT, type PushStep, type PushStepKind } from './plan/steps';
export { runPush, type PushFailure, type PushReport, type RetryPolicy, type RunPushOptions } from './push/runPush';
// One planned step against a session, as the push sends it (tests drive a single step with a given user's session).
export { executeStep } from './push/executors';
export { IdResolver, type StepContext } from './push/stepContext';
export { verifyPush, type VerifyReport } from './verify/verifyPush';
export type { PropagationDelay, PropagationNote } from './verify/propagation';
// Recovery after a stopped push: which created entities the server now holds, and the draft ids mapped to them.
export { matchCreated } from './verify/matchCreated';
export { remapIds } from './verify/remapIds';
