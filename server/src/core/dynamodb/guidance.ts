// The AWS guidance pages the DynamoDB rules cite (docs/rules/DDB_*.md quote the passages).
const GUIDE = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/';

export const AWS = {
  partitionKeyDesign: `${GUIDE}bp-partition-key-design.html`,
  uniformLoad: `${GUIDE}bp-partition-key-uniform-load.html`,
  writeSharding: `${GUIDE}bp-partition-key-sharding.html`,
  timeSeries: `${GUIDE}bp-time-series.html`,
  gsiThrottling: `${GUIDE}gsi-throttling.html`,
  gsi: `${GUIDE}GSI.html`,
  gsiSharding: `${GUIDE}bp-indexes-gsi-sharding.html`,
  sparseIndexes: `${GUIDE}bp-indexes-general-sparse-indexes.html`,
  gsiOverloading: `${GUIDE}bp-gsi-overloading.html`,
  lsiCollections: `${GUIDE}LSI.html#LSI.ItemCollections.SizeLimit`,
  quotas: `${GUIDE}ServiceQuotas.html`,
  coreComponents: `${GUIDE}HowItWorks.CoreComponents.html`,
  queryScan: `${GUIDE}bp-query-scan.html`,
  sortKeys: `${GUIDE}bp-sort-keys.html`,
  hotPartitions: `${GUIDE}throttling-key-range-limit-exceeded-mitigation.html`,
  multiAttributeKeys: `${GUIDE}GSI.DesignPattern.MultiAttributeKeys.html`,
  createTable: 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html',
} as const;

/** Appends the citation to a one-line message. */
export function cite(message: string, url: string): string {
  return `${message} (AWS: ${url})`;
}

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
/** 10000 → "10,000". */
export function n(value: number): string {
  return nf.format(value);
}
export function pct(share: number): string {
  return `${nf.format(share * 100)}%`;
}
