// A one-file zip archive for Lambda's CreateFunction in tests: the seed script's implementation.
export { zipOf } from '../../scripts/lib/zip.mjs';
