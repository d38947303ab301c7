// Entry of dist/language-client.js: the language client library, loaded when the first relevant document opens.
export { LanguageClient, TransportKind } from 'vscode-languageclient/node';
