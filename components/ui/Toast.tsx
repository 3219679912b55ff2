import { useEffect } from 'react';
import { useT } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/** The page's toast: polite live region, with Undo when the action can be taken back. */
export function ToastHost() {
  const t = useT();
  const { toast, dismiss } = useToast();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, toast.undo ? 10_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className="toast-host" role="status" aria-live="polite">
      {toast && (
        <div className="toast" data-testid="toast">
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              onClick={async () => {
                dismiss();
                await toast.undo?.();
              }}
            >
              {t('panel.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
