using Microsoft.EntityFrameworkCore;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// A ready DbContext holding only the tenant table, for hosts that have no DbContext of their own. Hosts that have one
/// call <see cref="TtnProvisioningModelBuilderExtensions.ApplyTtnProvisioningModel"/> in its <c>OnModelCreating</c> instead.
/// </summary>
public sealed class TtnProvisioningDbContext : DbContext
{
    /// <summary>The provider name of Npgsql's EF Core provider, for which the key gets the ordinal <c>"C"</c> collation.</summary>
    internal const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Creates the context.</summary>
    /// <param name="options">The options, with a provider configured (for example <c>UseSqlite</c> or <c>UseNpgsql</c>).</param>
    public TtnProvisioningDbContext(DbContextOptions<TtnProvisioningDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var collation = Database.ProviderName == NpgsqlProviderName
            ? TtnProvisioningModelBuilderExtensions.PostgreSqlOrdinalCollation
            : null;
        modelBuilder.ApplyTtnProvisioningModel(tenantIdCollation: collation);
    }
}
