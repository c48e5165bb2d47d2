using Microsoft.EntityFrameworkCore;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>The device store's tables: unfinished devices, import jobs and their rows (upgrade 0004).</summary>
internal static class DeviceModel
{
    public const string UnfinishedDevicesTable = "ttn_unfinished_devices";
    public const string ImportJobsTable = "ttn_device_import_jobs";
    public const string ImportRowsTable = "ttn_device_import_rows";

    /// <summary>TTS ids are at most 36 characters; EUIs 16 hex characters.</summary>
    private const int MaxIdLength = 36;

    public static void Apply(ModelBuilder modelBuilder, string? schema, string? tenantIdCollation)
    {
        modelBuilder.Entity<UnfinishedDeviceRow>(entity =>
        {
            entity.ToTable(UnfinishedDevicesTable, schema);
            entity.HasKey(r => new { r.TenantId, r.ApplicationId, r.DeviceId }).HasName("pk_" + UnfinishedDevicesTable);
            TenantId(entity.Property(r => r.TenantId), tenantIdCollation);
            entity.Property(r => r.ApplicationId).HasMaxLength(MaxIdLength);
            entity.Property(r => r.DeviceId).HasMaxLength(MaxIdLength);
            entity.Property(r => r.DevEui).HasMaxLength(16);
            entity.Property(r => r.JoinEui).HasMaxLength(16);
            entity.Property(r => r.Work).HasMaxLength(32);
            entity.Property(r => r.Holds).HasMaxLength(128);
            SnakeCase(entity);
        });

        modelBuilder.Entity<DeviceImportJobRow>(entity =>
        {
            entity.ToTable(ImportJobsTable, schema);
            entity.HasKey(r => new { r.TenantId, r.JobId }).HasName("pk_" + ImportJobsTable);
            TenantId(entity.Property(r => r.TenantId), tenantIdCollation);
            entity.Property(r => r.JobId).HasMaxLength(64);
            entity.Property(r => r.Version).IsConcurrencyToken();
            entity.Property(r => r.Fingerprint).HasMaxLength(64);
            entity.Property(r => r.State).HasMaxLength(32);
            entity.Property(r => r.LeaseHolder).HasMaxLength(64);
            SnakeCase(entity);
        });

        modelBuilder.Entity<DeviceImportRowEntry>(entity =>
        {
            entity.ToTable(ImportRowsTable, schema);
            entity.HasKey(r => new { r.TenantId, r.JobId, r.Row }).HasName("pk_" + ImportRowsTable);
            TenantId(entity.Property(r => r.TenantId), tenantIdCollation);
            entity.Property(r => r.JobId).HasMaxLength(64);
            entity.Property(r => r.Row).ValueGeneratedNever();
            entity.Property(r => r.DeviceId).HasMaxLength(MaxIdLength);
            entity.Property(r => r.Outcome).HasMaxLength(32);
            SnakeCase(entity);
        });
    }

    private static void TenantId(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<string> property, string? collation)
    {
        property.HasMaxLength(TtnProvisioningModelBuilderExtensions.MaxTenantIdLength).ValueGeneratedNever();
        if (collation is not null)
        {
            property.UseCollation(collation);
        }
    }

    private static void SnakeCase<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> entity)
        where T : class
    {
        foreach (var property in entity.Metadata.GetDeclaredProperties())
        {
            property.SetColumnName(TtnProvisioningModelBuilderExtensions.ToSnakeCase(property.Name));
        }
    }
}
