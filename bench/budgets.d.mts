// Types of budgets.mjs, for test/e2e/size-budgets.test.ts.

export interface Budget {
  id: string
  label: string
  max: number
  unit: 'ratio' | 'bytes' | 'ms'
}

export declare const BUDGETS: Budget[]

export declare const SIZE_RATCHETS: {
  'core-gzip': number
  'full-gzip': number
  /** Destination slug to ceiling. */
  'destination-gzip': Record<string, number>
}

export declare function budgetById(id: string): Budget

export declare function allowedSize(id: string, slug?: string): number
