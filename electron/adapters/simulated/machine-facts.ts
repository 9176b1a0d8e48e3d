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
  })
  .strict();

export type MachineFacts = z.infer<typeof machineFactsSchema>;
