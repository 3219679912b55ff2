// Dexie runs on fake-indexeddb in node tests: the real Dexie code, an in-memory IndexedDB.
import 'fake-indexeddb/auto';
