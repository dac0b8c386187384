import { convert } from '../../src/index.js';

/** Decodes Runner records to canonical events, without the canonical header record. */
export function decodeRunner(records: readonly unknown[]) {
  return convert(records, { from: 'runner', to: 'canonical', encode: { header: false } });
}
