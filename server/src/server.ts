// Language server entry point: wires the LSP connection to the analysis core (see server/src/lsp).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
