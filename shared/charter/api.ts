/** REST payloads of the governance endpoints (docs/api.md). */
import { z } from 'zod';
import { CharterLimits } from './schema.js';

export const CreatePrincipleBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1)
    .max(CharterLimits.principleMax)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'must not contain control characters' }),
});
export type CreatePrincipleBody = z.infer<typeof CreatePrincipleBody>;
