// Writes a new destination's files so that a failure leaves nothing behind:
// every file goes to a staging folder under <root>/.tmp first, then each new
// folder moves into place with one rename. When a later rename fails, the
// folders moved before it are moved back.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

import { EXIT_FAILURE, ScaffoldError } from './errors.mjs'

/**
 * Moves each `{ from, to }` folder with `rename`, in order. On a failure it
 * moves the folders already moved back to `from` and rethrows, so either
 * every folder is in place or none is.
 *
 * @param {Array<{ from: string, to: string }>} moves
 * @param {(from: string, to: string) => void} [rename]
 */
export function moveFoldersIntoPlace(moves, rename = renameSync) {
  const done = []
  const createdParents = []
  try {
    for (const move of moves) {
      if (existsSync(move.to)) {
        throw new ScaffoldError(
          `${move.to} was created by another program while the files were written, so it was left as it is. Remove it or choose another name, then run again.`,
          EXIT_FAILURE,
        )
      }
      const created = mkdirSync(path.dirname(move.to), { recursive: true })
      if (created) createdParents.push(created)
      rename(move.from, move.to)
      done.push(move)
    }
  } catch (error) {
    for (const move of done.reverse()) renameSync(move.to, move.from)
    for (const parent of createdParents.reverse())
      rmSync(parent, { recursive: true, force: true })
    throw error
  }
}

/** Removes a folder that this run created, unless another program wrote to it. */
function removeIfEmpty(folder) {
  try {
    rmdirSync(folder)
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error
  }
}

/**
 * Writes `files` (`[{ path, text }]`) into `folders`, which must not exist
 * yet and together contain every file. All paths are relative to `root`.
 */
export function writeFolders(root, folders, files) {
  const tmpRoot = path.join(root, '.tmp')
  const createdTmpRoot = !existsSync(tmpRoot)
  mkdirSync(tmpRoot, { recursive: true })
  const staging = mkdtempSync(path.join(tmpRoot, 'new-integration-'))
  try {
    for (const file of files) {
      const target = path.join(staging, file.path)
      mkdirSync(path.dirname(target), { recursive: true })
      writeFileSync(target, file.text)
    }
    moveFoldersIntoPlace(
      folders.map((folder) => ({
        from: path.join(staging, folder),
        to: path.join(root, folder),
      })),
    )
  } finally {
    rmSync(staging, { recursive: true, force: true })
    if (createdTmpRoot) removeIfEmpty(tmpRoot)
  }
}
