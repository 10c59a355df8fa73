/**
 * Stands in for the `inherits` package (2.0.4) in script-tag bundles, where
 * only @segment/facade requires it. The facade calls it once per class,
 * before it adds any method to the class's prototype. So linking that
 * prototype to the parent's gives the same method lookup and `constructor`
 * as the package's new `Object.create` prototype. The package's `super_`
 * property is not set, because the facade never reads it.
 */
export default function inherits(
  child: { prototype: object },
  parent: { prototype: object },
): void {
  Object.setPrototypeOf(child.prototype, parent.prototype)
}
