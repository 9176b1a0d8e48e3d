/** Test data for the renderer's suites: one import for the sample machine, changes, guides and the fake API. */
export * from './change-fixtures';
export * from './fake-api';
export * from './machine-fixtures';
export * from './memory-storage';
export * from './server-fixtures';
export * from './kit-fixtures';
export * from './fidelity-fixtures';
export * from './sample-reports';
