import { Component, type ReactNode } from 'react';
import { resolveLanguage, type Language, type Translator } from '../../lib/i18n/translate';

/**
 * Keeps one broken view from blanking the page; the message is shown as text only. `translator`
 * is the page's (the popup ships only its own messages).
 */
export class ErrorBoundary extends Component<{ children: ReactNode; translator: (lang: Language) => Translator }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const t = this.props.translator(resolveLanguage('auto', globalThis.navigator?.language));
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
