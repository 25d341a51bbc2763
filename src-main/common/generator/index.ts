/** Seeded, deterministic organisations on the WukongCRM catalogue: large generated ones and the built-in demo. */
export { generateOrganisation, takenAtForSeed, FIRST_CUSTOM_ROLE_ID, type GenerateOptions } from './generateOrganisation';
export { SeededRandom, mixSeed } from './prng';
export { createDemoSnapshot, DEMO_FACTS, DEMO_COMPANY } from './demoSnapshot';
export { initialFieldRules, isSystemField } from './fieldRules';
export { MAX_DEPARTMENT_DEPTH } from './departments';
