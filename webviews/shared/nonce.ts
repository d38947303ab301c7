// Import this module first in every view: it hands the page's nonce to Lit, so that if Lit ever falls back from
// constructable stylesheets to <style> elements they still satisfy the Content Security Policy.
declare global {
  interface Window {
    litNonce?: string;
  }
}

/** The nonce the host put on our <script> tag (the attribute reads back empty; the property keeps it). */
export function pageNonce(): string {
  const script = document.querySelector<HTMLScriptElement>('script[nonce]');
  return script?.nonce ?? '';
}

window.litNonce = pageNonce();
