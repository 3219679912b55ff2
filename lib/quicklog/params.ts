/** What the popup's URL hands in. */
export interface PopupParams {
  dealId: string | null;
  kind: 'call' | 'meeting' | 'email' | 'note' | null;
  tabId: number | null;
}

/** popup.html?deal=<id>&kind=call&tab=<tabId>: what a notification's "Log call" or a test hands in. */
export function popupParams(search: string): PopupParams {
  const p = new URLSearchParams(search);
  const kind = p.get('kind');
  const tab = Number(p.get('tab'));
  return {
    dealId: p.get('deal') || null,
    kind: kind === 'call' || kind === 'meeting' || kind === 'email' || kind === 'note' ? kind : null,
    tabId: p.get('tab') !== null && Number.isInteger(tab) && tab >= 0 ? tab : null,
  };
}
