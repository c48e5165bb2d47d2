namespace Ttn.Provisioning;
