import { create } from 'zustand';

/** Short-lived UI state: the one toast a page shows, with an optional undo. */
export interface Toast {
  id: number;
  text: string;
  undo?: () => void | Promise<void>;
}

interface ToastState {
  toast: Toast | null;
  show: (text: string, undo?: Toast['undo']) => void;
  dismiss: () => void;
}

let seq = 0;
export const useToast = create<ToastState>((set) => ({
  toast: null,
  show: (text, undo) => set({ toast: { id: ++seq, text, ...(undo ? { undo } : {}) } }),
  dismiss: () => set({ toast: null }),
}));
