/**
 * pdf.js's drawing code makes a DOMMatrix when it loads, and looks for ImageData and Path2D. Node
 * has none of them: pdf.js takes them from @napi-rs/canvas when that package is there (it is in
 * this repository's node_modules), but an installed report-review does not ship it. Reading text
 * and ruling lines draws nothing, so inert stand-ins are all pdf.js needs to load. Imported by
 * pdf.ts before pdf.js, so it runs first.
 */
const g = globalThis as Record<string, unknown>;

/** The identity matrix, as pdf.js's drawing code would make it. */
class IdentityMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

/** A stand-in for a drawing object that is never used. */
class Unused {}

g.DOMMatrix ??= IdentityMatrix;
g.ImageData ??= Unused;
g.Path2D ??= Unused;
