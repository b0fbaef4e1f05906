export { createNodes, createNodesV2 } from './plugin';
export * from './lint';
