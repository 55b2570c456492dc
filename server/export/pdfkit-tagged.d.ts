/**
 * What pdfkit 0.20 does for tagged PDFs that @types/pdfkit 0.17 does not yet say (see pdfkit's
 * docs/accessibility.md and lib/table/accessibility.js): a figure's bounding box, a table's
 * structure parent and a header cell's scope.
 */
declare namespace PDFKit.Mixins {
  interface StructureElementOptions {
    /** `[left, top, right, bottom]` in pdfkit coordinates; PDF/UA wants it on a Figure. */
    bbox?: [number, number, number, number];
  }
  interface TableOptions {
    /** Tags the table (Table, TR, TH, TD) under this element. */
    structParent?: PDFStructureElement;
  }
  interface CellOptions {
    /** Which cells a TH heads. */
    scope?: 'Column' | 'Row' | 'Both';
  }
}
