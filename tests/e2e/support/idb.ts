import type { Page } from 'playwright-core';
import type { Book } from '../../../lib/domain/book';

/** Reads every object store of the extension's database straight from IndexedDB (no app code involved). */
export async function dumpDatabase(page: Page, name = 'ae-cockpit'): Promise<Book> {
  return page.evaluate(
    (dbName) =>
      new Promise<Book>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as unknown as Book);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    name,
  );
}

/** The stored settings item, as the extension wrote it. */
export async function readStoredSettings(page: Page): Promise<unknown> {
  return page.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}
