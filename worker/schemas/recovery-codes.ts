// Request and response shapes of the recovery-code routes (issue 12, part 4).
import { z } from "@hono/zod-openapi";
import { NORMALISED_CODE, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "../auth/recovery-codes.ts";
import { EmailSchema, NewPasswordSchema } from "./auth.ts";

/** A code as typed: case, spaces and dashes do not matter; answers the normalised form. */
export const RecoveryCodeSchema = z
  .string()
  .max(64)
  .transform(normaliseRecoveryCode)
  .pipe(z.string().regex(NORMALISED_CODE, "Enter a recovery code like ABCDE-FGHJK."))
  .openapi({ example: "ABCDE-FGHJK" });

export const GenerateRecoveryCodesBodySchema = z
  .object({ password: z.string().min(1).max(256).openapi({ description: "The current password, to confirm." }) })
  .openapi("GenerateRecoveryCodesBody");

export const NewRecoveryCodesSchema = z
  .object({
    codes: z.array(z.string()).length(RECOVERY_CODE_COUNT).openapi({
      description: "Shown this once: only their hashes are kept. Any earlier codes no longer work.",
      example: ["ABCDE-FGHJK"],
    }),
    created_at: z.string(),
  })
  .openapi("NewRecoveryCodes");

export const RecoveryCodesStatusSchema = z
  .object({
    remaining: z.number().int().min(0).openapi({ description: "Unused codes of the current set." }),
    total: z.number().int().min(0).openapi({ description: "Codes in the current set (0 before any were made)." }),
    created_at: z.string().nullable().openapi({ description: "When the current set was made; null if never." }),
  })
  .openapi("RecoveryCodesStatus");

export const RecoverBodySchema = z
  .object({ email: EmailSchema, code: RecoveryCodeSchema, new_password: NewPasswordSchema })
  .openapi("RecoverBody");
