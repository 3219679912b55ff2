export * from './protocol';

export { onMessage, sendMessage } from './client';
