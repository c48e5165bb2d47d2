using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Testing;

/// <summary>The results of a device import and of reading and validating its input.</summary>
public static partial class DeviceModelFactory
{
    /// <summary>Builds a <see cref="Devices.DeviceImportResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="isDryRun">Whether this was a dry run.</param>
    /// <param name="validationErrors">Every error found in the input (none when null).</param>
    /// <param name="totalRows">The rows of the input.</param>
    /// <param name="rows">Every row's outcome, in row order (none when null); the counts are taken from them.</param>
    /// <param name="resumedRows">Rows an earlier run of the same job had already registered.</param>
    /// <param name="elapsed">How long this run took.</param>
    /// <param name="devicesPerSecond">Rows this run finished per second.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceImportResult DeviceImportResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? jobId = null,
        bool isDryRun = false,
        IReadOnlyList<EndDeviceInputError>? validationErrors = null,
        int totalRows = 0,
        IReadOnlyList<DeviceImportRow>? rows = null,
        int resumedRows = 0,
        TimeSpan elapsed = default,
        double devicesPerSecond = 0,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        JobId = jobId,
        IsDryRun = isDryRun,
        ValidationErrors = validationErrors ?? [],
        TotalRows = totalRows,
        Rows = rows ?? [],
        ResumedRows = resumedRows,
        Elapsed = elapsed,
        DevicesPerSecond = devicesPerSecond,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Devices.DeviceImportProgress"/>, as an import's progress reporter receives it.</summary>
    /// <param name="total">The rows of the job.</param>
    /// <param name="done">Rows whose device is registered.</param>
    /// <param name="failed">Rows that ended without a registered device.</param>
    /// <param name="elapsed">How long the run has been registering.</param>
    /// <param name="devicesPerSecond">Rows finished per second.</param>
    /// <param name="lastRow">The row that just finished.</param>
    /// <returns>The progress.</returns>
    public static DeviceImportProgress DeviceImportProgress(
        int total = 0,
        int done = 0,
        int failed = 0,
        TimeSpan elapsed = default,
        double devicesPerSecond = 0,
        DeviceImportRow? lastRow = null) => new(total, done, failed, elapsed, devicesPerSecond) { LastRow = lastRow };

    /// <summary>Builds an <see cref="Devices.EndDeviceInputError"/>.</summary>
    /// <param name="message">What is wrong, without the offending value.</param>
    /// <param name="field">The TTS field the error is about (for example <c>ids.dev_eui</c>).</param>
    /// <param name="row">The 1-based data row of a CSV file.</param>
    /// <param name="column">The 1-based column of a CSV file.</param>
    /// <param name="columnName">The CSV column name.</param>
    /// <returns>The error.</returns>
    public static EndDeviceInputError EndDeviceInputError(
        string message = "invalid",
        string? field = null,
        int? row = null,
        int? column = null,
        string? columnName = null) => new(message) { Field = field, Row = row, Column = column, ColumnName = columnName };

    /// <summary>Builds an <see cref="Devices.EndDeviceValidationResult"/>.</summary>
    /// <param name="definition">The normalised definition, for a valid one.</param>
    /// <param name="errors">Every rule the definition breaks (none when null).</param>
    /// <returns>The result.</returns>
    public static EndDeviceValidationResult EndDeviceValidationResult(
        EndDeviceDefinition? definition = null, IReadOnlyList<EndDeviceInputError>? errors = null) =>
        new() { Definition = definition, Errors = errors ?? [] };

    /// <summary>Builds a <see cref="Devices.ThingsStackCsvReadResult"/>.</summary>
    /// <param name="fileErrors">Errors about the file as a whole (none when null).</param>
    /// <param name="rows">Every data row in file order (none when null).</param>
    /// <returns>The result.</returns>
    public static ThingsStackCsvReadResult ThingsStackCsvReadResult(
        IReadOnlyList<EndDeviceInputError>? fileErrors = null, IReadOnlyList<ThingsStackCsvRow>? rows = null) =>
        new() { FileErrors = fileErrors ?? [], Rows = rows ?? [] };

    /// <summary>Builds a <see cref="Devices.ThingsStackCsvRow"/>.</summary>
    /// <param name="rowNumber">The 1-based data row.</param>
    /// <param name="lineNumber">The 1-based line of the file where the row starts.</param>
    /// <param name="definition">The normalised definition, for a valid row.</param>
    /// <param name="errors">Every error in the row (none when null).</param>
    /// <returns>The row.</returns>
    public static ThingsStackCsvRow ThingsStackCsvRow(
        int rowNumber = 1,
        int lineNumber = 2,
        EndDeviceDefinition? definition = null,
        IReadOnlyList<EndDeviceInputError>? errors = null) => new(rowNumber, lineNumber)
    {
        Definition = definition,
        Errors = errors ?? [],
    };
}
