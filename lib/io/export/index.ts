export * from './csv-write';
export * from './periods';
export * from './stats';
export * from './raw';
