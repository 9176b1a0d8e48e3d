import { z } from 'zod';

/**
 * Facts of a simulated machine that are not in its registry (machine.json). Absent facts
 * mean: Outlook not running, no policy, UAC prompts approved, a normal (non-admin) user.
 */
export const machineFactsSchema = z
  .object({
    description: z.string().optional(),
    outlookRunning: z.boolean().default(false),
    lmPolicy: z
      .object({ managed: z.boolean(), level: z.number().int().min(0).max(5).optional() })
      .strict()
      .optional(),
    uacApproved: z.boolean().default(true),
    elevated: z.boolean().default(false),
    systemAccount: z.boolean().default(false),
    events: z
      .array(
        z
          .object({
            source: z.string(),
            id: z.number().int(),
            time: z.string().optional(),
            message: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /**
     * Where the simulated PC's Exchange proxies answer (host as in the profile → `ip:port` of a
     * local test server). Proxies not listed are not checked: a simulated PC never reaches
     * the real network.
     */
    proxyEndpoints: z.record(z.string(), z.string()).default({}),
    /** A PEM file (relative to the machine folder) the simulated PC trusts, for a test CA. */
    proxyCaFile: z.string().optional(),
    /** IIS Windows-authentication providers per directory, on a simulated Exchange server. */
    iis: z.array(z.object({ site: z.string(), providers: z.array(z.string()) }).strict()).default([]),
    /**
     * The Windows user's saved credentials, as the credential API lists them (target, type,
     * user name; a simulated PC has no secrets). Absent: not known, so none are listed.
     */
    savedCredentials: z
      .array(
        z
          .object({
            targetName: z.string().min(1).max(32767),
            type: z.number().int().min(1).max(0xffffffff),
            userName: z.string().max(32767).nullable().default(null),
          })
          .strict(),
      )
      .max(10_000)
      .optional(),
    /** The PC is joined to a domain. Absent: not known. */
    domainJoined: z.boolean().optional(),
  })
  .strict();

export type MachineFacts = z.infer<typeof machineFactsSchema>;
