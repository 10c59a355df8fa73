// The packages that src/facade-deps/ replaces in script-tag bundles, loaded
// as @segment/facade loads them, so each test compares a module with the
// package it replaces.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const isodate = require('@segment/isodate') as {
  is(value: unknown, strict?: boolean): boolean
  parse(value: string): Date
}

export const newDatePackage = require('new-date') as (value: unknown) => Date

export const traversePackage = require('@segment/isodate-traverse') as (
  input: unknown,
  strict?: boolean,
) => unknown

export const objCasePackage = require('obj-case') as (
  object: unknown,
  path: string,
) => unknown

export const inheritsPackage = require('inherits') as (
  child: unknown,
  parent: unknown,
) => void

/** Runs `read`, returning its value or the name of the error it threw. */
export function outcome(read: () => unknown): unknown {
  try {
    return { value: read() }
  } catch (error) {
    return { threw: (error as Error).name }
  }
}
