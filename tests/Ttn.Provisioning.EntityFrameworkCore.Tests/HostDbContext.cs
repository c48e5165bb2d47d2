using Microsoft.EntityFrameworkCore;
using Ttn.Provisioning.EntityFrameworkCore;

namespace MyCompany.Data;

// The README's "Storing tenants in your database" example, verbatim between the markers (ReadmeTests checks it): a
// host's own DbContext with its own tables, plus the tenant table of Ttn.Provisioning.
public sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

// README:BEGIN
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().ToTable("customers");

        // Adds the ttn_tenants table. On PostgreSQL, also pass tenantIdCollation: "C".
        modelBuilder.ApplyTtnProvisioningModel();
    }
}
// README:END
