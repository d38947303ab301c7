// Language server entry point (dist/server.js): the composition root that builds the process's connection and the
// IAM data loader and hands them to the server (lsp/startServer.ts), which holds all of its state itself.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { loadIamData } from './iamData';
import { startServer } from './lsp/startServer';

startServer(createConnection(ProposedFeatures.all), { loadIamData: () => loadIamData() });
