Console.WriteLine("Ttn.Provisioning sample");
