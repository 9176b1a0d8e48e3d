/**
 * Which Windows-authentication providers IIS offers, read from the tools a technician runs
 * on the server: IIS 6 `adsutil.vbs GET .../NTAuthenticationProviders` and IIS 7+ `appcmd
 * list config ... windowsAuthentication`. Kerberos needs Negotiate in the list.
 */
export interface ProviderReading {
  readonly providers: readonly string[];
  readonly kerberosPossible: boolean;
}

/** Kerberos needs Negotiate among the providers. */
export function providerReading(providers: string[]): ProviderReading {
  return { providers, kerberosPossible: providers.some((p) => /^negotiate(:kerberos)?$/i.test(p)) };
}

/** `NTAuthenticationProviders       : (STRING) "Negotiate,NTLM"`; null when absent. */
export function parseAdsutilProviders(output: string): ProviderReading | null {
  const m = /NTAuthenticationProviders\s*:\s*\(STRING\)\s*"([^"]*)"/i.exec(output);
  if (!m) return null;
  return providerReading(
    m[1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** `<providers><add value="Negotiate" /><add value="NTLM" /></providers>`; null when absent. */
export function parseAppcmdProviders(output: string): ProviderReading | null {
  const block = /<providers>([\s\S]*?)<\/providers>/i.exec(output);
  if (!block) return null;
  const values = [...block[1]!.matchAll(/<add\s+value="([^"]+)"/gi)].map((m) => m[1]!);
  return providerReading(values);
}
