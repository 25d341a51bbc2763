/** The WukongCRM 11.0 PHP connector's public surface. */
export { WukongPhpConnector, WUKONG_PHP_CAPABILITIES, WUKONG_PHP_KIND, type WukongPhpConnectorOptions } from './WukongPhpConnector';
export { WukongPhpSession, type WukongPhpCredentials, type SessionOptions } from './session';
export { pullSnapshot, type PullOptions, type PullStep } from './pull/pullSnapshot';
export { planPush, type PhpPushPlan } from './plan/planPush';
export { closeGrants } from './plan/closeGrants';
export { phpStepSchema, stepEndpoint, type PhpPushStep, type PhpStepKind } from './plan/steps';
export { runPush, type RetryPolicy, type RunPushOptions } from './push/runPush';
export { verifyPush } from './verify/verifyPush';
