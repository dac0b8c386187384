import { maxNestingDepth } from '../framing/read-item.js';

export { maxNestingDepth };
