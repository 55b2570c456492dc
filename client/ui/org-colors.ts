/** Organisation colours are shared with the server's exports: see shared/org-colors.ts. */
export { organisationColors, type OrgColor } from '../../shared/org-colors.js';
