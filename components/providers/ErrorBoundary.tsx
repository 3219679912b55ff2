import { Component, type ReactNode } from 'react';
import { createTranslator, resolveLanguage } from '../../lib/i18n';

/** Keeps one broken view from blanking the page; the message is shown as text only. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const t = createTranslator(resolveLanguage('auto', globalThis.navigator?.language));
    return (
      <div role="alert" className="banner banner-error">
        <strong>{t('app.error.title')}</strong>
        <p>{t('app.error.body')}</p>
        <pre className="error-detail">{this.state.error.message}</pre>
        <button type="button" onClick={() => location.reload()}>
          {t('app.error.reload')}
        </button>
      </div>
    );
  }
}
