package io.domoreactive.examples.cli;

import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.core.jupyter.DataSourceEntry;
import io.domoreactive.core.jupyter.Workspace;

import java.util.List;

/**
 * A DomoJupyter workspace as {@code domoctl} prints it.
 *
 * @param id the workspace id
 * @param name the name (not unique)
 * @param description the description, or {@code null}
 * @param ownerId the owner's user id, or {@code null}
 * @param running whether a Jupyter server of it runs
 * @param created when it was created, ISO-8601, or {@code null}
 * @param updated when it last changed, ISO-8601, or {@code null}
 * @param lastRun when it last ran, ISO-8601, or {@code null}
 * @param accounts the accounts notebooks can read, with their aliases
 * @param inputs the datasets it reads
 * @param outputs the datasets it writes
 */
record WorkspaceRow(String id, String name, String description, Long ownerId, boolean running, String created,
                    String updated, String lastRun, List<AccountAlias> accounts, List<DataSetAlias> inputs,
                    List<DataSetAlias> outputs) {

    /** Table columns for lists. */
    static final Table<WorkspaceRow> TABLE = new Table<WorkspaceRow>()
            .column("ID", WorkspaceRow::id)
            .column("NAME", WorkspaceRow::name)
            .column("OWNER", WorkspaceRow::ownerId)
            .column("RUNNING", WorkspaceRow::running)
            .column("ACCOUNTS", row -> row.accounts().size())
            .column("UPDATED", WorkspaceRow::updated);

    /** Fields for one workspace. */
    static final Table<WorkspaceRow> DETAIL = new Table<WorkspaceRow>()
            .column("ID", WorkspaceRow::id)
            .column("NAME", WorkspaceRow::name)
            .column("DESCRIPTION", WorkspaceRow::description)
            .column("OWNER", WorkspaceRow::ownerId)
            .column("RUNNING", WorkspaceRow::running)
            .column("CREATED", WorkspaceRow::created)
            .column("UPDATED", WorkspaceRow::updated)
            .column("LAST RUN", WorkspaceRow::lastRun)
            .column("ACCOUNTS", WorkspaceRow::accounts)
            .column("INPUTS", WorkspaceRow::inputs)
            .column("OUTPUTS", WorkspaceRow::outputs);

    /**
     * @param workspace the SDK's workspace
     * @return its row
     */
    static WorkspaceRow of(Workspace workspace) {
        return new WorkspaceRow(workspace.id(), workspace.name(), workspace.description(), workspace.owner(),
                workspace.isRunning(), IsoTime.format(workspace.created()), IsoTime.format(workspace.updated()),
                IsoTime.format(workspace.lastRun()),
                workspace.accountConfiguration().stream().map(AccountAlias::of).toList(),
                workspace.inputConfiguration().stream().map(DataSetAlias::of).toList(),
                workspace.outputConfiguration().stream().map(DataSetAlias::of).toList());
    }

    /**
     * An account a workspace can read.
     *
     * @param accountId the account id
     * @param alias the alias notebook code uses
     */
    record AccountAlias(long accountId, String alias) {

        static AccountAlias of(AccountEntry entry) {
            return new AccountAlias(entry.accountId(), entry.alias());
        }

        /** @return {@code alias=accountId}, for table cells */
        @Override
        public String toString() {
            return alias + "=" + accountId;
        }
    }

    /**
     * A dataset a workspace reads or writes.
     *
     * @param dataSourceId the dataset id
     * @param alias the alias notebook code uses
     */
    record DataSetAlias(String dataSourceId, String alias) {

        static DataSetAlias of(DataSourceEntry entry) {
            return new DataSetAlias(entry.dataSourceId(), entry.alias());
        }

        /** @return {@code alias=dataSourceId}, for table cells */
        @Override
        public String toString() {
            return alias + "=" + dataSourceId;
        }
    }
}
