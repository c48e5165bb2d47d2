// The Ttn.Provisioning sample. At this stage it walks through sealing and opening a tenant secret;
// the full tenant lifecycle against the in-process FakeThingsStack comes with the provisioning service.
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;

const string apiKey = "NNSXS.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFG.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST";
var context = new SecretContext("tenant-42", SecretField.ApplicationApiKey);

Console.WriteLine("Ttn.Provisioning sample: secrets at rest");
Console.WriteLine();

// 1. A key ring with one key. Real hosts load keys from configuration or a vault.
var ring = new SecretProtectionOptions { PrimaryKeyId = "2026-11" };
ring.Keys.Add(new SecretKeyOptions { Id = "2026-11", Key = SecretProtectionOptions.GenerateKey() });
using var protector = new AesGcmSecretProtector(Options.Create(ring));

var token = protector.Protect(apiKey, context);
Console.WriteLine($"1. Sealed an application API key for {context.TenantId}: ttn1.{protector.PrimaryKeyId}.… ({token.Length} characters)");

var opened = protector.Unprotect(token, context);
Console.WriteLine($"2. Opened it again: {opened}");

var elsewhere = protector.Unprotect(token, new SecretContext("tenant-43", SecretField.ApplicationApiKey));
Console.WriteLine($"3. The same token presented for another tenant: {elsewhere}");

var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
Console.WriteLine($"4. One character changed: {protector.Unprotect(tampered, context)}");

// 2. Rotation: a new primary key; the old one stays in the ring to open what it sealed.
var rotated = new SecretProtectionOptions { PrimaryKeyId = "2027-01" };
rotated.Keys.Add(ring.Keys[0]);
rotated.Keys.Add(new SecretKeyOptions { Id = "2027-01", Key = SecretProtectionOptions.GenerateKey() });
using var rotatedProtector = new AesGcmSecretProtector(Options.Create(rotated));
Console.WriteLine($"5. After rotating to key 2027-01 the old token opens as: {rotatedProtector.Unprotect(token, context)}");

var upgrade = rotatedProtector.Reprotect(token, context);
Console.WriteLine($"6. Re-protected: {upgrade}; it now opens as {rotatedProtector.Unprotect(upgrade.Token, context)}");

// 3. A value left behind by the replaced system, read once so that it can be upgraded.
var legacy = new SecretProtectionOptions { PrimaryKeyId = "2027-01", LegacySalt = "old-salt" };
legacy.Keys.Add(rotated.Keys[1]);
using var legacyProtector = new AesGcmSecretProtector(Options.Create(legacy));
var b64 = "b64:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(apiKey));
Console.WriteLine($"7. A legacy b64: value opens as {legacyProtector.Unprotect(b64, context)}; re-protect: {legacyProtector.Reprotect(b64, context)}");
Console.WriteLine($"8. Garbage in the same column: {legacyProtector.Unprotect("b64:bm90IGFuIEFQSSBrZXk=", context)}");

Console.WriteLine();
Console.WriteLine("Done: secrets were only ever shown by their last four characters.");
