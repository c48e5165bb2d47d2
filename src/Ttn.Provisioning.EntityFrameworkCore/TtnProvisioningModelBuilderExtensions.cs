using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>Adds the tenant table of Ttn.Provisioning to a host's own EF Core model.</summary>
public static class TtnProvisioningModelBuilderExtensions
{
    /// <summary>The name of the tenant table.</summary>
    public const string TableName = "ttn_tenants";

    /// <summary>The name of the table of the tenants' history entries.</summary>
    public const string HistoryTableName = "ttn_tenant_history";

    /// <summary>The collation to pass on PostgreSQL so that the key orders by bytes (ordinal), as paging expects.</summary>
    public const string PostgreSqlOrdinalCollation = "C";

    /// <summary>The longest tenant id the table holds (the same limit as <see cref="Secrets.SecretContext.MaxTenantIdLength"/>).</summary>
    public const int MaxTenantIdLength = Secrets.SecretContext.MaxTenantIdLength;

    /// <summary>
    /// Maps the tenant record into the model: the table <c>ttn_tenants</c>, with snake_case columns, the tenant id as key
    /// and <c>version</c> as concurrency token, and beside it <c>ttn_tenant_history</c>, the tenants' history entries (a
    /// database-generated id in append order, indexed by tenant and id); and the device store's tables
    /// (<c>ttn_unfinished_devices</c>, <c>ttn_device_import_jobs</c>, <c>ttn_device_import_rows</c>). Call it from your
    /// DbContext's <c>OnModelCreating</c>.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="schema">The database schema of the table; null for the provider's default.</param>
    /// <param name="tenantIdCollation">
    /// The collation of the <c>tenant_id</c> column of the tenant table; null for the database default. On PostgreSQL pass
    /// <see cref="PostgreSqlOrdinalCollation"/> (<c>"C"</c>) so that the key index serves the ordinal paging of
    /// <see cref="Storage.ICredentialStore.ListAsync"/>; the store orders correctly without it, only more slowly.
    /// SQLite's default (BINARY) is already ordinal: leave it null there.
    /// </param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyTtnProvisioningModel(
        this ModelBuilder modelBuilder, string? schema = null, string? tenantIdCollation = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<TenantRow>(entity =>
        {
            entity.ToTable(TableName, schema);
            entity.HasKey(r => r.TenantId).HasName("pk_" + TableName);

            var tenantId = entity.Property(r => r.TenantId).HasMaxLength(MaxTenantIdLength).ValueGeneratedNever();
            if (tenantIdCollation is not null)
            {
                tenantId.UseCollation(tenantIdCollation);
            }

            entity.Property(r => r.Version).IsConcurrencyToken();
            entity.Property(r => r.State).HasMaxLength(64);
            entity.Property(r => r.CurrentStep).HasMaxLength(64);
            entity.Property(r => r.LastErrorStep).HasMaxLength(64);
            entity.Property(r => r.Checkpoints).HasMaxLength(512);
            entity.Property(r => r.PendingSteps).HasMaxLength(512);

            entity.Property(r => r.SettingsWebhookMessages).HasMaxLength(512);
            SnakeCaseColumns(entity.Metadata);
        });

        modelBuilder.Entity<TenantHistoryRow>(entity =>
        {
            entity.ToTable(HistoryTableName, schema);
            entity.HasKey(r => r.Id).HasName("pk_" + HistoryTableName);
            entity.Property(r => r.Id).ValueGeneratedOnAdd();
            entity.Property(r => r.TenantId).HasMaxLength(MaxTenantIdLength);
            entity.Property(r => r.Operation).HasMaxLength(64);
            entity.Property(r => r.Role).HasMaxLength(64);
            entity.Property(r => r.Outcome).HasMaxLength(64);
            entity.Property(r => r.FailedStep).HasMaxLength(64);
            entity.HasIndex(r => new { r.TenantId, r.Id }).HasDatabaseName("ix_" + HistoryTableName + "_tenant_id_id");
            SnakeCaseColumns(entity.Metadata);
        });

        // The device store's tables (EfCoreDeviceStore): unfinished device work and import jobs.
        DeviceModel.Apply(modelBuilder, schema, tenantIdCollation);
        return modelBuilder;
    }

    private static void SnakeCaseColumns(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity)
    {
        foreach (var property in entity.GetDeclaredProperties())
        {
            property.SetColumnName(ToSnakeCase(property.Name));
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
