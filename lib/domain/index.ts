export * from './primitives';
export * from './records';
export * from './book';
export * from './dates';
export * from './money';
export * from './tables';
export * from './text';
export * from './history';
