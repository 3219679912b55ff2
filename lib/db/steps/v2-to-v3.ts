import type { SchemaStep } from './step';

/** Version 3 adds an index only ([status+nextStepDue] on deals): no record changes. */
export const v2ToV3: SchemaStep = { from: 2, up: {} };
