// Every service in the explorer: adding one is its own file plus one line here, e.g.
//   export { default as sns } from './sns';
// Each file default-exports a `ServiceExplorer` (see ../model/service.ts); its node ids must start with `<id>:`,
// and it declares its ref kinds by augmenting `ResourceRefMap` (see ../model/refs.ts).
export {};
