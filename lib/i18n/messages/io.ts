import { defineMessages } from './define';

// Messages of lib/io and its UI. Keys are prefixed 'io.'.
export const ioMessages = defineMessages({}, {});
