import TunnelscopeCLI

TunnelscopeCommand.main()
