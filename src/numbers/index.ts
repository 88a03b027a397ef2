export * from './parse.js';
export * from './industry-codes.js';
export * from './regions.js';
