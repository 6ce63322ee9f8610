// Request and response shapes of the passkey routes: the WebAuthn JSON the browser produces
// (RegistrationResponseJSON, AuthenticationResponseJSON) and the options the server hands it, in the
// forms of the WebAuthn Level 3 JSON serialisation that @simplewebauthn uses on both sides.
import { z } from "@hono/zod-openapi";

/** base64url without padding, as browsers serialise every binary WebAuthn field. */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, "Expected base64url.");

/** A credential id is at most 1023 bytes (WebAuthn §5.8.3): 1364 base64url characters. */
const CredentialIdSchema = base64url(1364);
/** Transport hints: known ones today are usb, nfc, ble, smart-card, hybrid, internal; kept open for new ones. */
const TransportsSchema = z.array(z.string().min(1).max(32)).max(10);
const AttachmentSchema = z.enum(["platform", "cross-platform"]);

const ClientExtensionResultsSchema = z.object({
  appid: z.boolean().optional(),
  credProps: z.object({ rk: z.boolean().optional() }).optional(),
  hmacCreateSecret: z.boolean().optional(),
});

export const RegistrationResponseSchema = z
  .object({
    id: CredentialIdSchema,
    rawId: CredentialIdSchema,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: base64url(4096),
      // Attestation statements with certificate chains can run to a few kilobytes.
      attestationObject: base64url(32_768),
      authenticatorData: base64url(16_384).optional(),
      transports: TransportsSchema.optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(4096).optional(),
    }),
    authenticatorAttachment: AttachmentSchema.optional(),
    clientExtensionResults: ClientExtensionResultsSchema,
  })
  .openapi("PasskeyRegistrationResponse", { description: "What @simplewebauthn/browser's startRegistration() answers." });

export const AuthenticationResponseSchema = z
  .object({
    id: CredentialIdSchema,
    rawId: CredentialIdSchema,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: base64url(4096),
      authenticatorData: base64url(16_384),
      signature: base64url(1024),
      userHandle: base64url(128).optional(),
    }),
    authenticatorAttachment: AttachmentSchema.optional(),
    clientExtensionResults: ClientExtensionResultsSchema,
  })
  .openapi("PasskeyAuthenticationResponse", { description: "What @simplewebauthn/browser's startAuthentication() answers." });

export const PasskeyNameSchema = z.string().trim().min(1, "Give the passkey a name.").max(60).openapi({ example: "My phone" });

export const RegisterPasskeyBodySchema = z
  .object({
    response: RegistrationResponseSchema,
    name: PasskeyNameSchema.optional().openapi({ description: "How the passkey is listed; “Passkey” when left out." }),
  })
  .openapi("RegisterPasskeyBody");

export const PasskeyLoginBodySchema = z.object({ response: AuthenticationResponseSchema }).openapi("PasskeyLoginBody");

export const RenamePasskeyBodySchema = z.object({ name: PasskeyNameSchema }).openapi("RenamePasskeyBody");

const CredentialDescriptorSchema = z.object({
  id: z.string(),
  type: z.string().openapi({ example: "public-key" }),
  transports: z.array(z.string()).optional(),
});
const UserVerificationSchema = z.enum(["required", "preferred", "discouraged"]);
const HintsSchema = z.array(z.enum(["hybrid", "security-key", "client-device"]));
const ExtensionInputsSchema = z.object({ credProps: z.boolean().optional() });

export const RegistrationOptionsSchema = z
  .object({
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    challenge: z.string(),
    pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal("public-key") })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(CredentialDescriptorSchema).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: AttachmentSchema.optional(),
        requireResidentKey: z.boolean().optional(),
        residentKey: z.enum(["required", "preferred", "discouraged"]).optional(),
        userVerification: UserVerificationSchema.optional(),
      })
      .optional(),
    hints: HintsSchema.optional(),
    attestation: z.enum(["none", "indirect", "direct", "enterprise"]).optional(),
    extensions: ExtensionInputsSchema.optional(),
  })
  .openapi("PasskeyRegistrationOptions", { description: "Pass to @simplewebauthn/browser's startRegistration({ optionsJSON })." });

export const AuthenticationOptionsSchema = z
  .object({
    challenge: z.string(),
    timeout: z.number().int().optional(),
    rpId: z.string().optional(),
    allowCredentials: z.array(CredentialDescriptorSchema).optional(),
    userVerification: UserVerificationSchema.optional(),
    hints: HintsSchema.optional(),
    extensions: ExtensionInputsSchema.optional(),
  })
  .openapi("PasskeyAuthenticationOptions", { description: "Pass to @simplewebauthn/browser's startAuthentication({ optionsJSON })." });

export const PasskeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    created_at: z.string(),
    last_used_at: z.string().nullable().openapi({ description: "The last sign-in with it; null if never used." }),
    synced: z.boolean().openapi({ description: "Backed up by its provider (a synced passkey), so it survives losing the device." }),
  })
  .openapi("Passkey");

export const PasskeyListSchema = z.object({ passkeys: z.array(PasskeySchema) }).openapi("Passkeys");

/** Transport hints as stored in passkeys.transports (JSON), read back through this. */
export const StoredTransportsSchema = TransportsSchema;
