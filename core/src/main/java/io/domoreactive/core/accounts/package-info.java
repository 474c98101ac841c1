/**
 * Accounts: the stored credentials connectors and Jupyter workspaces use.
 * {@link io.domoreactive.core.accounts.Accounts} is the client; {@link io.domoreactive.core.accounts.Account}
 * the metadata (no secrets); {@link io.domoreactive.core.accounts.AccountConfig} the provider
 * configuration, every value a {@link io.domoreactive.core.auth.Secret}; sharing is
 * {@link io.domoreactive.core.accounts.ShareTarget}, {@link io.domoreactive.core.accounts.AccessLevel},
 * {@link io.domoreactive.core.accounts.AccessEntry} and {@link io.domoreactive.core.accounts.ShareResult};
 * {@link io.domoreactive.core.accounts.DataProvider} and {@link io.domoreactive.core.accounts.ProviderAccount}
 * list the accounts grouped by provider type.
 */
package io.domoreactive.core.accounts;
