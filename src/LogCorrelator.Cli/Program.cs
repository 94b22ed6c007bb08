using LogCorrelator.Cli;

using var signals = new TerminationSignals(Console.Error);
return CliApp.Run(args, Console.Out, Console.Error, signals);
