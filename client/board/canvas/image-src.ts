/**
 * Where the board's pictures come from: `GET /api/workshops/<id>/images/<imageId>` (members only;
 * the session cookie travels with same-origin requests). The board page names its workshop once
 * it opens, before the first picture renders.
 */
let base = '';
let workshop = '';

export function setImageWorkshop(workshopId: string): void {
  workshop = workshopId;
  base = `/api/workshops/${encodeURIComponent(workshopId)}/images/`;
}

/** The workshop the board's images belong to (where uploads go). */
export const imageWorkshop = (): string => workshop;

export const imageSrc = (imageId: string): string => base + encodeURIComponent(imageId);
