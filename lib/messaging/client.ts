/**
 * The extension's messaging, without the protocol's zod schemas (types only): what the popup
 * imports. Receivers validate with the schemas in ./protocol.ts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
