// The contract between the UI and the engine: schemas, types and errors shared by both.
export * from './api';
export * from './case';
export * from './case-records';
export * from './choices';
export * from './client';
export * from './contact';
export * from './document';
export * from './errors';
export * from './exchange';
export * from './fields';
export * from './profile';
export * from './us-states';
export * from './labels';
export * from './facts';
export * from './workflow';
export * from './safety';
export * from './archive';
