// Tells what each SDK method answers, as the SDK's own typings declare it: read from its .d.ts files with
// TypeScript's compiler API, nothing is called. A paginated list answers pages; its shape is an array of its items
// (what the envelope's result holds).
// With a third argument "params": the fields of each method's params argument instead (path, query and body
// fields alike, as the SDK's *Params types list them); null for a method that takes none.
// Usage: node sdk-types.mjs <package> '["billing.profiles.get", ...]' [params]
// Output: {"billing.profiles.get": {"object": {"id": {"optional": true, "type": "string"}, ...}}, ...}
//   a shape is "string" | "number" | "boolean" | "null" | "unknown" | "map" | "object"
//   | {"object": {name: {"optional": bool, "type": shape}}} | {"array": shape} | {"union": [shape, ...]};
//   a method the SDK lacks is null.
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const entry = require.resolve(process.argv[2]).replace(/\.js$/, '.d.ts');
const program = ts.createProgram([entry], {
  strict: true, skipLibCheck: true, noEmit: true, types: [], target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
});
const checker = program.getTypeChecker();
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)))
  .find((symbol) => symbol.escapedName === 'Cloudflare');
const client = checker.getDeclaredTypeOfSymbol(
  exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported);

const MAX_DEPTH = 8;

function shape(type, depth) {
  if (depth > MAX_DEPTH) return 'unknown';
  if (type.isUnion()) {
    // Literal unions ('active' | 'disabled', true | false) fold into their primitive.
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined)).map((t) => shape(t, depth));
    const unique = [...new Set(parts.map((part) => JSON.stringify(part)))].map((part) => JSON.parse(part));
    return unique.length === 1 ? unique[0] : { union: unique };
  }
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (type.flags & ts.TypeFlags.Null) return 'null';
  if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return 'unknown';
  if (checker.isArrayType(type)) return { array: shape(checker.getTypeArguments(type)[0], depth + 1) };
  const properties = checker.getPropertiesOfType(type);
  if (properties.length === 0) return checker.getIndexInfosOfType(type).length > 0 ? 'map' : 'object';
  const object = {};
  for (const property of properties) {
    object[property.escapedName] = {
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      type: shape(checker.getTypeOfSymbol(property), depth + 1),
    };
  }
  return { object };
}

function answer(method) {
  const returned = checker.getSignaturesOfType(method, ts.SignatureKind.Call)[0].getReturnType();
  const awaited = checker.getAwaitedType(returned) ?? returned;
  const items = awaited.getProperty('getPaginatedItems');
  if (items) {
    const list = checker.getSignaturesOfType(checker.getTypeOfSymbol(items), ts.SignatureKind.Call)[0].getReturnType();
    return { array: shape(checker.getTypeArguments(list)[0], 1) };
  }
  return shape(awaited, 0);
}

/** The fields of the method's params argument (path, query and body fields alike); null when it takes none. */
function params(method) {
  const signature = checker.getSignaturesOfType(method, ts.SignatureKind.Call)[0];
  const param = signature.getParameters().map((p) => checker.getNonNullableType(checker.getTypeOfSymbol(p)))
    .find((type) => /Params$/.test(checker.typeToString(type)));
  return param ? shape(param, 0) : null;
}

const found = {};
for (const id of JSON.parse(process.argv[3])) {
  let type = client;
  for (const part of id.split('.')) {
    const property = type && type.getProperty(part);
    type = property && checker.getTypeOfSymbol(property);
  }
  found[id] = type && checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0
    ? (process.argv[4] === 'params' ? params(type) : answer(type)) : null;
}
console.log(JSON.stringify(found));
