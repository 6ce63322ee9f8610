// Shapes of the settings and category routes.
import { z } from "@hono/zod-openapi";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const SettingsSchema = z
  .object({
    timezone: z.string().max(64).refine(isTimeZone, "Use an IANA time zone such as Europe/Paris.").openapi({ example: "Europe/Paris" }),
    theme: z.enum(["system", "light", "dark"]),
    reminder_time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 21:30.")
      .nullable()
      .openapi({ example: "21:30" }),
    ai_analysis: z.boolean(),
    private_by_default: z.boolean().openapi({ description: "New entries are kept from the AI (never sent to Workers AI) unless they say otherwise." }),
    weekly_summary_day: z.number().int().min(0).max(6).openapi({ description: "0 = Sunday … 6 = Saturday", example: 0 }),
    streaks_enabled: z.boolean(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "Use a two-letter country code such as GB or US.")
      .nullable()
      .openapi({ example: "GB", description: "Whose crisis lines to show (ISO 3166 alpha-2); null follows the time zone." }),
  })
  .openapi("Settings");

export const SettingsViewSchema = SettingsSchema.extend({
  effective_country: z.string().nullable().openapi({ description: "The country in use: the setting, else the time zone's; null shows international lines." }),
}).openapi("SettingsView");

export const SettingsUpdateSchema = SettingsSchema.partial()
  .refine((s) => Object.values(s).some((v) => v !== undefined), "Send at least one setting to change.")
  .openapi("SettingsUpdate");

export const ColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #3b82f6.")
  .nullable();
export const CategoryNameSchema = z.string().trim().min(1, "Name the category.").max(60);

export const CategorySchema = z
  .object({ id: z.string(), name: z.string(), color: z.string().nullable(), entry_count: z.number().int() })
  .openapi("Category");

export const CreateCategoryBodySchema = z
  .object({ name: CategoryNameSchema, color: ColorSchema.optional() })
  .openapi("CreateCategoryBody");

export const UpdateCategoryBodySchema = CreateCategoryBodySchema.partial()
  .refine((b) => b.name !== undefined || b.color !== undefined, "Send a name or a colour to change.")
  .openapi("UpdateCategoryBody");

export const CategoryListSchema = z.object({ categories: z.array(CategorySchema) });
