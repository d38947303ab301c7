// Entry of dist/live-analysis.js: the analysis core's live-sample analysis, loaded when a table is first analyzed.
export { analyzeLiveSample } from '../../server/src/core/dynamodb/live';
