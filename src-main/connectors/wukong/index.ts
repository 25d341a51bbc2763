/** The WukongCRM 11 connector's public surface. */
export { WukongConnector, WUKONG_CAPABILITIES, type WukongConnectorOptions } from './WukongConnector';
export { WukongSession, type WukongCredentials, type SessionOptions } from './session';
export { pullSnapshot, type PullOptions, type PullStep } from './pull/pullSnapshot';
export { planPush, type WukongPushPlan } from './plan/planPush';
export { pushStepSchema, STEP_ENDPOINT, type PushStep, type PushStepKind } from './plan/steps';
export { runPush, type RetryPolicy, type RunPushOptions } from './push/runPush';
// One planned step against a session, as the push sends it (tests drive a single step with a given user's session).
export { executeStep } from './push/executors';
export { IdResolver, type StepContext } from './push/stepContext';
export { verifyPush } from './verify/verifyPush';
