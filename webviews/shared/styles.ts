import { pageNonce } from './nonce';
import baseCss from './base.css';

/** Adds a stylesheet as a <style> element carrying the page nonce (the CSP allows no other inline style). */
export function addStyles(cssText: string): void {
  const style = document.createElement('style');
  style.nonce = pageNonce();
  style.textContent = cssText;
  document.head.append(style);
}

/** The look every panel shares, built from VS Code's theme variables. */
export function addBaseStyles(): void {
  addStyles(baseCss);
}
