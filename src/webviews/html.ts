// The page every panel loads, with its Content Security Policy. No 'vscode' here, so it is unit-testable.
import { randomBytes } from 'node:crypto';

/** A fresh 128-bit nonce per page load. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The page every panel loads. Scripts run only with the nonce (so only our bundle); styles come from the extension
 * or from <style> elements carrying the nonce; nothing remote, no inline handlers, no eval.
 */
export function renderHtml(page: { cspSource: string; scriptUri: string; title: string; nonce: string }): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${page.nonce}'`,
    `style-src ${page.cspSource} 'nonce-${page.nonce}'`,
    `font-src ${page.cspSource}`,
    `img-src ${page.cspSource} data:`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeText(page.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script type="module" nonce="${escapeAttr(page.nonce)}" src="${escapeAttr(page.scriptUri)}"></script>
</body>
</html>`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
