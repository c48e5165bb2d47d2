namespace Ttn.Provisioning.Testing;
