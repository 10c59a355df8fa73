// Types of the per-class files of @segment/facade 3.4, which ship without
// declarations of their own: each file exports the class of the same name
// that the package index re-exports.
declare module '@segment/facade/dist/alias.js' {
  export { Alias } from '@segment/facade'
}
declare module '@segment/facade/dist/group.js' {
  export { Group } from '@segment/facade'
}
declare module '@segment/facade/dist/identify.js' {
  export { Identify } from '@segment/facade'
}
declare module '@segment/facade/dist/page.js' {
  export { Page } from '@segment/facade'
}
declare module '@segment/facade/dist/screen.js' {
  export { Screen } from '@segment/facade'
}
declare module '@segment/facade/dist/track.js' {
  export { Track } from '@segment/facade'
}
