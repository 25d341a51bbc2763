export * from './ids';
export * from './department';
export * from './user';
export * from './permission';
export * from './role';
export * from './fieldRule';
export * from './snapshot';
export { departmentTree, type DepartmentTree } from './departmentTree';
export { findCycle, validateSnapshot, type SnapshotProblem } from './validateSnapshot';
