import { defineMessages } from './define';

// Messages of lib/actions and its UI. Keys are prefixed 'actions.'.
export const actionsMessages = defineMessages({}, {});
