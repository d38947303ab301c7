export * from './node';
export * from './refs';
export * from './registry';
export * from './service';
